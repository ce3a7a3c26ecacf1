namespace Shop.Contracts.Pact.Consumer;

/// <summary>A provider state ("a user exists") with its parameters as a JSON object, or null for none.</summary>
internal sealed record ProviderStateDefinition(string Name, string? ParamsJson);
