using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Shop.Benchmarks.Hosting;

/// <summary>
/// Where the machine's CPU time goes during a measuring window, from /proc: each named process, PostgreSQL (its
/// postmaster and every process it forked: backends, writers), and the whole machine, whose busy time beyond those is
/// the load generator and anything else running. Counted in clock ticks (10 ms), so a window of seconds is exact enough.
/// </summary>
internal sealed class CpuMeter(IReadOnlyList<(string Name, int Id)> processes, int? postmaster)
{
    private const string PostgreSql = "PostgreSQL";

    private static readonly double TickSeconds = 1.0 / 100; // USER_HZ, 100 on Linux

    /// <summary>
    /// The postmaster of the server behind <paramref name="connectionString"/> when it runs on this machine: the parent of
    /// our own backend. Null for a server elsewhere (SHOP_POSTGRES), whose backend's pid may name an unrelated local process.
    /// </summary>
    public static async Task<int?> FindPostmasterAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return IsPostgres(backend) ? ParentOf(backend) : null;
    }

    /// <summary>What each window accounts for by name: the processes, and PostgreSQL when its postmaster was found.</summary>
    public IReadOnlyList<string> Measured => [.. processes.Select(p => p.Name), .. postmaster is null ? Array.Empty<string>() : [PostgreSql]];

    public Sample Start() => new(this, Ticks());

    /// <summary>A window begun by <see cref="Start"/>; <see cref="Stop"/> ends it.</summary>
    internal sealed class Sample(CpuMeter meter, Dictionary<string, long> start)
    {
        public CpuUse Stop()
        {
            var end = meter.Ticks();
            return new CpuUse(end.ToDictionary(e => e.Key, e => TimeSpan.FromSeconds((e.Value - start.GetValueOrDefault(e.Key)) * TickSeconds)));
        }
    }

    /// <summary>Warm-up rounds at the most, quiet or not: a service whose JIT never settles is measured all the same.</summary>
    public const int MaxWarmUpRounds = 10;

    // The compiler's share of one core above which a round still counts as warming up.
    private const double QuietShare = 0.02;

    /// <summary>
    /// Runs warm-up rounds until one ends settled (as <paramref name="round"/> judges, e.g. its rate stopped climbing)
    /// with the processes' tiered JIT quiet, under 2% of a core in that round. A fresh service runs unoptimised code until
    /// its tiered JIT has recompiled the hot methods (with PGO, twice), and on a busy machine that goes on for many
    /// seconds of load: a window measured before it ends counts the compiler's CPU time (a sixth of orders' under
    /// PlaceOrder) and slower code against the service.
    /// </summary>
    /// <returns>How long the rounds took together.</returns>
    public async Task<TimeSpan> WarmUpAsync(Func<Task<bool>> round)
    {
        var started = Stopwatch.GetTimestamp();
        for (var rounds = 1; ; rounds++)
        {
            var compiled = CompilationTicks();
            var roundStarted = Stopwatch.GetTimestamp();
            var settled = await round();
            var compiling = (CompilationTicks() - compiled) * TickSeconds > QuietShare * Stopwatch.GetElapsedTime(roundStarted).TotalSeconds;
            if (settled && !compiling || rounds == MaxWarmUpRounds) return Stopwatch.GetElapsedTime(started);
        }
    }

    // The processes' tiered-compilation threads (/proc/pid/task/tid/comm ".NET Tiered Com", 15 characters at most): where
    // the runtime recompiles hot methods optimised. The thread ends when idle, taking its count with it, which can only
    // make a round look quieter than it was by what an idle thread did.
    private long CompilationTicks() => processes.Sum(p => ThreadsOf(p.Id)
        .Where(task => Comm(Path.Combine(task, "comm")) == ".NET Tiered Com")
        .Sum(task => Ticks(Path.Combine(task, "stat")) ?? 0));

    private static IEnumerable<string> ThreadsOf(int id)
    {
        try
        {
            return Directory.GetDirectories($"/proc/{id}/task");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private Dictionary<string, long> Ticks()
    {
        var ticks = new Dictionary<string, long>();
        foreach (var (name, id) in processes) ticks[name] = ProcessTicks(id) ?? 0;
        if (postmaster is { } root)
        {
            // A backend that ended (a pooled connection closed) leaves its time in the postmaster's reaped children's time.
            ticks[PostgreSql] = (ProcessTicks(root, withReapedChildren: true) ?? 0) + ChildrenOf(root).Sum(child => ProcessTicks(child) ?? 0);
        }
        // The first line of /proc/stat: user nice system idle iowait irq softirq steal ... in ticks, all cores together.
        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        ticks[CpuUse.Idle] = machine[3] + machine[4];
        ticks[CpuUse.Busy] = machine.Sum() - ticks[CpuUse.Idle];
        return ticks;
    }

    /// <summary>
    /// User and system time of a process (fields 14 and 15 of /proc/pid/stat, counted after the parenthesised name), and
    /// with <paramref name="withReapedChildren"/> its ended children's (16 and 17); null once it has gone.
    /// </summary>
    private static long? ProcessTicks(int id, bool withReapedChildren = false) => Ticks($"/proc/{id}/stat", withReapedChildren);

    /// <summary>The same from a stat file: a process's, or a thread's (/proc/pid/task/tid/stat).</summary>
    private static long? Ticks(string statPath, bool withReapedChildren = false)
    {
        if (StatFields(statPath) is not { } fields) return null;
        return fields.Skip(11).Take(withReapedChildren ? 4 : 2).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
    }

    private static bool IsPostgres(int id) => Comm($"/proc/{id}/comm") == "postgres";

    private static string? Comm(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int? ParentOf(int id) => Stat(id) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    private static IEnumerable<int> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var id) ? id : 0)
            .Where(id => id > 0 && ParentOf(id) == parent);

    private static string[]? Stat(int id) => StatFields($"/proc/{id}/stat");

    // The fields after "pid (comm)": the name may hold spaces and parentheses, so split after its last ')'.
    private static string[]? StatFields(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
