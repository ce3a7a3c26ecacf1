using System.Globalization;
using System.Runtime.InteropServices;

namespace Shop.Benchmarks.Hosting;

/// <summary>The machine the figures came from: cores, memory, OS, .NET, and how busy it is.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var memoryKb = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").Where(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
                .Select(l => long.Parse(l["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault()
            : 0;
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                .Select(l => l["PRETTY_NAME=".Length..].Trim('"')).FirstOrDefault() ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription;
        return $"{Environment.ProcessorCount} cores, {Math.Round(memoryKb / 1024.0 / 1024.0):0} GiB, {os}, {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>The 1-minute load average (runnable and waiting tasks), NaN where the system does not say.</summary>
    public static double LoadAverage() => File.Exists("/proc/loadavg")
        ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture)
        : double.NaN;
}
