namespace Shop.Mesh.Tests.Fuzz;

/// <summary>
/// How much to fuzz: SHOP_FUZZ_SEED and SHOP_FUZZ_COUNT (bodies per RPC), which the build's Fuzz target sets;
/// the short run in Test takes a new seed each time and says which, so any failure can be replayed.
/// </summary>
public sealed record FuzzSettings(int Seed, int CountPerRpc)
{
    public const int ShortRunCount = 12;

    public static FuzzSettings FromEnvironment() => new(
        int.TryParse(Environment.GetEnvironmentVariable("SHOP_FUZZ_SEED"), out var seed) ? seed : Random.Shared.Next(),
        int.TryParse(Environment.GetEnvironmentVariable("SHOP_FUZZ_COUNT"), out var count) && count > 0 ? count : ShortRunCount);

    /// <summary>Each RPC's own sequence of bodies, the same for a seed whatever other RPCs exist.</summary>
    public Random RandomFor(string rpc)
    {
        var hash = 2166136261u;
        foreach (var c in rpc) hash = (hash ^ c) * 16777619u;
        return new Random(unchecked(Seed ^ (int)hash));
    }
}
