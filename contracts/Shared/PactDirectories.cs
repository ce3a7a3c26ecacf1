namespace Shop.Contracts.Testing;

/// <summary>
/// Where the mesh's pact files are written and read. Consumer tests write to <c>$SHOP_PACT_OUTPUT</c>
/// (relative to the repository root), else <c>.shop/pacts</c>; they merge into what is there and clear
/// nothing (the build cleans the folder first). Providers verify the committed <c>contracts/pacts</c>, so
/// a provider never reads a file a consumer test in another process is still writing.
/// </summary>
internal static class PactDirectories
{
    public const string OutputVariable = "SHOP_PACT_OUTPUT";

    /// <summary>The folder holding <c>Shop.sln</c>, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot { get; } = Shop.Build.RepositoryRoot.Find()
        ?? throw new InvalidOperationException($"No Shop.sln above {AppContext.BaseDirectory}: contract tests run from the repository's build output.");

    /// <summary>Where consumer tests write their pacts.</summary>
    public static string Output =>
        Path.GetFullPath(Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 } configured
            ? Path.Combine(RepositoryRoot, configured)
            : Path.Combine(RepositoryRoot, ".shop", "pacts"));

    /// <summary>The reviewed, committed pacts every provider is verified against.</summary>
    public static string Committed => Path.Combine(RepositoryRoot, "contracts", "pacts");
}
