namespace Shop.Contracts.Pact;

/// <summary>Settings of a consumer pact, as PactNet's <c>PactConfig</c>.</summary>
public sealed class PactConfig
{
    /// <summary>Where pact files are written (created when needed); defaults to <c>pacts/</c> in the test project's folder.</summary>
    public string PactDir { get; init; } = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "pacts");
}
