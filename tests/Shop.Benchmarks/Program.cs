using Shop.Build.Mesh;

namespace Shop.Benchmarks;

public static class Program
{
    /// <returns>0 when the run had no errors (targets missed are reported, not failed), 1 otherwise.</returns>
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await BenchRun.RunAsync(BenchSettings.Parse(args)) ? 0 : 1;
        }
        catch (Exception e) when (e is BenchFailed or ServiceProcessException)
        {
            await Console.Error.WriteLineAsync($"Benchmark failed: {e.Message}");
            return 1;
        }
    }
}
