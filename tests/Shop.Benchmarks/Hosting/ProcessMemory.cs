using System.Globalization;

namespace Shop.Benchmarks.Hosting;

/// <summary>
/// A process's memory from /proc/pid/status: its peak resident set (VmHWM, what the target is about) and, at the end of the
/// run, what its resident set is made of: anonymous memory (the GC heap, native allocations), mapped files (the runtime's
/// and the assemblies' images, shared with every other .NET process on the machine) and shared memory (the JIT's
/// double-mapped code, with W^X on).
/// </summary>
internal sealed record ProcessMemory(long PeakBytes, long AnonymousBytes, long FileBytes, long SharedBytes)
{
    public static ProcessMemory Of(int id)
    {
        var fields = File.ReadLines($"/proc/{id}/status").Select(line => line.Split(':', 2)).Where(f => f.Length == 2)
            .Where(f => f[1].TrimEnd().EndsWith(" kB", StringComparison.Ordinal))
            .ToDictionary(f => f[0], f => long.Parse(f[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024, StringComparer.Ordinal);
        long Field(string name) => fields.TryGetValue(name, out var value) ? value : 0;
        return new ProcessMemory(Field("VmHWM"), Field("RssAnon"), Field("RssFile"), Field("RssShmem"));
    }
}
