using System.Globalization;
using Shop.Build;
using Shop.Build.Mesh;

namespace Shop.Benchmarks;

/// <summary>
/// What ./build.sh --target=Bench passes (--root, --configuration), plus knobs for a longer or shorter
/// run: --warm-up-all (all operations at once, first), --warm-up and --seconds (per operation), --pgbench-seconds (per pgbench run), --channels (HTTP/2 connections per server), --port-base,
/// --only to measure some operations (while profiling), and --services-root to measure the (built) services of another
/// checkout with this load, e.g. an earlier commit's, back to back with this one's; --pool-size sets the services'
/// Max Pool Size in their connection strings (default: what they choose), to find the size PostgreSQL does best with.
/// PostgreSQL: SHOP_POSTGRES, a connection string without a database, as for the rest of the build.
/// </summary>
internal sealed record BenchSettings(
    string Root,
    string Configuration,
    string Postgres,
    TimeSpan WarmUpAll,
    TimeSpan WarmUp,
    int Seconds,
    int PgBenchSeconds,
    int Channels,
    int PortBase,
    IReadOnlySet<string> Only,
    string ServicesRoot,
    int? PoolSize)
{
    /// <summary>Whether to run an operation: all of them unless --only names some (comma-separated: GetUser, ListNotifications, PlaceOrder, PayOrder, OrderFlow; echo always runs, it is in every bound).</summary>
    public bool Runs(string operation) => Only.Count == 0 || Only.Contains(operation);

    public string OutputDirectory => Path.Combine(Root, ".shop", "bench");

    public static BenchSettings Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new BenchFailed($"Unexpected argument '{args[i]}'. Options: --root, --configuration, --warm-up-all, --warm-up, --seconds, --pgbench-seconds, --channels, --port-base, --only, --services-root, --pool-size (each with a value).");
            }
            options[args[i][2..]] = args[++i];
        }
        int Number(string name, int fallback) =>
            options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var root = options.GetValueOrDefault("root") ?? RepositoryRoot.Find() ?? throw new BenchFailed("Shop.sln not found above the program; pass --root.");
        return new BenchSettings(
            root,
            options.GetValueOrDefault("configuration") ?? "Release",
            Environment.GetEnvironmentVariable("SHOP_POSTGRES") is { Length: > 0 } postgres ? postgres : "Host=127.0.0.1;Port=55432;Username=postgres",
            TimeSpan.FromSeconds(Number("warm-up-all", 15)),
            TimeSpan.FromSeconds(Number("warm-up", 3)),
            Number("seconds", 6),
            Number("pgbench-seconds", 4),
            Number("channels", 4),
            Number("port-base", MeshTopology.BenchPortBase(MeshTopology.DefaultPortBase)),
            (options.GetValueOrDefault("only") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase),
            options.GetValueOrDefault("services-root") ?? root,
            options.ContainsKey("pool-size") ? Number("pool-size", 0) : null);
    }
}
