namespace Shop.Mesh.Tests.Fuzz;

/// <summary>One request body the fuzzer sends, and how it was made (for the report).</summary>
public sealed record RequestBody(string Kind, byte[] Bytes);
