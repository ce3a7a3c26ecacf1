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
    private static long? ProcessTicks(int id, bool withReapedChildren = false)
    {
        if (Stat(id) is not { } fields) return null;
        return fields.Skip(11).Take(withReapedChildren ? 4 : 2).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
    }

    private static bool IsPostgres(int id)
    {
        try
        {
            return File.ReadAllText($"/proc/{id}/comm").Trim() == "postgres";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int? ParentOf(int id) => Stat(id) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    private static IEnumerable<int> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var id) ? id : 0)
            .Where(id => id > 0 && ParentOf(id) == parent);

    // The fields after "pid (comm)": the name may hold spaces and parentheses, so split after its last ')'.
    private static string[]? Stat(int id)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{id}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
