using Shop.Contracts.Pact.Matchers;

namespace Shop.Contracts.Pact.Consumer;

/// <summary>The expected response: loosen the fields the consumer does not need exactly.</summary>
public sealed class GrpcResponseBuilder
{
    private readonly GrpcInteractionDefinition _interaction;

    internal GrpcResponseBuilder(GrpcInteractionDefinition interaction) => _interaction = interaction;

    /// <summary>
    /// The provider may answer any value at <paramref name="path"/> (e.g. <c>$.user.createdAt</c>) that
    /// satisfies <paramref name="matcher"/>. Fields without a matcher must equal the example, so match
    /// every field whose value the provider chooses (ids, timestamps).
    /// </summary>
    public GrpcResponseBuilder Match(string path, Matcher matcher)
    {
        _interaction.Response!.Add(path, matcher);
        return this;
    }
}
