namespace Shop.Contracts.Pact.Provider;

/// <summary>The verifier's verdict on one interaction, with its mismatches ("$.name: Expected 'x' ... ", "grpc-status: ...").</summary>
public sealed record InteractionVerificationResult(string Description, bool Passed, IReadOnlyList<string> Mismatches);
