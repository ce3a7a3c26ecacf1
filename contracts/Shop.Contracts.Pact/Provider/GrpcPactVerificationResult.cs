namespace Shop.Contracts.Pact.Provider;

/// <summary>The outcome of a provider verification: per-interaction results plus the engine's own report.</summary>
public sealed class GrpcPactVerificationResult
{
    internal GrpcPactVerificationResult(
        string provider, bool engineSucceeded, IReadOnlyList<InteractionVerificationResult> interactions, IReadOnlyList<string> errors, string output, string json)
    {
        Provider = provider;
        Interactions = interactions;
        Errors = errors;
        Output = output;
        Json = json;
        Passed = engineSucceeded && interactions.Count > 0 && interactions.All(i => i.Passed) && errors.Count == 0;
    }

    /// <summary>The provider verified.</summary>
    public string Provider { get; }

    /// <summary>True when at least one interaction was verified and none failed.</summary>
    public bool Passed { get; }

    /// <summary>Each verified interaction with its mismatches.</summary>
    public IReadOnlyList<InteractionVerificationResult> Interactions { get; }

    /// <summary>Failures the engine reported per interaction ("description: mismatch").</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The engine's human-readable report (no colours).</summary>
    public string Output { get; }

    /// <summary>The engine's JSON report (<c>interactionResults</c>, <c>errors</c>).</summary>
    public string Json { get; }

    /// <summary>A summary naming every failed interaction and mismatch, followed by the engine's report.</summary>
    public string Describe()
    {
        if (Interactions.Count == 0)
        {
            return $"No interactions were verified for provider '{Provider}': the pact source holds no pact for it.\n{Output}";
        }

        var failed = Interactions.Where(i => !i.Passed).ToList();
        var lines = new List<string> { $"Provider '{Provider}': {Interactions.Count - failed.Count} of {Interactions.Count} interaction(s) verified." };
        lines.AddRange(failed.Select(i => $"  FAILED '{i.Description}':\n" + string.Join("\n", i.Mismatches.Select(m => "    - " + m))));
        lines.AddRange(Errors.Where(e => failed.All(f => !e.StartsWith(f.Description, StringComparison.Ordinal))).Select(e => "  " + e));
        lines.Add(Output);
        return string.Join("\n", lines);
    }
}
