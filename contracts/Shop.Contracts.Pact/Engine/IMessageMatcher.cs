namespace Shop.Contracts.Pact.Engine;

/// <summary>Compares a received message with an expected one by the expected one's matching rules.</summary>
internal interface IMessageMatcher
{
    /// <summary>The mismatch descriptions; empty when <paramref name="actualBody"/> with <paramref name="actualMetadata"/> matches.</summary>
    IReadOnlyList<string> Mismatches(
        string expectedMessageJson, string actualBody, string contentType, IReadOnlyDictionary<string, string> actualMetadata);
}
