using Shop.Contracts.Pact.Provider;

namespace Shop.Contracts.Testing;

/// <summary>What the self-tests assert of a verification that a deliberate change broke.</summary>
internal static class VerificationAssert
{
    /// <summary>
    /// The verification failed at <paramref name="description"/> alone, with a mismatch naming every one of
    /// <paramref name="named"/> (e.g. <c>grpc-status</c> and <c>UNAUTHENTICATED</c>); every other interaction passed.
    /// </summary>
    public static void OnlyFails(GrpcPactVerificationResult result, string description, params string[] named)
    {
        Assert.IsFalse(result.Passed, result.Describe());
        var failed = result.Interactions.Where(i => !i.Passed).Select(i => i.Description).ToList();
        CollectionAssert.AreEqual(new[] { description }, failed, result.Describe());
        var interaction = result.Interactions.Single(i => i.Description == description);
        Assert.IsTrue(interaction.Mismatches.Any(m => named.All(n => m.Contains(n, StringComparison.Ordinal))), result.Describe());
        StringAssert.Contains(result.Describe(), $"FAILED '{description}'");
    }
}
