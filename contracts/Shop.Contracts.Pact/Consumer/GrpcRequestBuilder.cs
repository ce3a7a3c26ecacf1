using Google.Protobuf;
using Grpc.Core;
using Shop.Contracts.Pact.Matchers;

namespace Shop.Contracts.Pact.Consumer;

/// <summary>The expected request: loosen fields with <see cref="Match(string, Matcher)"/>, then say how the provider answers.</summary>
public sealed class GrpcRequestBuilder
{
    private readonly GrpcInteractionDefinition _interaction;

    internal GrpcRequestBuilder(GrpcInteractionDefinition interaction) => _interaction = interaction;

    /// <summary>
    /// Accepts any request value at <paramref name="path"/> (proto JSON names, e.g. <c>$.userId</c>)
    /// that satisfies <paramref name="matcher"/>; without a matcher a field must equal the example.
    /// </summary>
    public GrpcRequestBuilder Match(string path, Matcher matcher)
    {
        _interaction.Request!.Add(path, matcher);
        return this;
    }

    /// <summary>The provider answers OK with <paramref name="response"/>; the mock returns it as is.</summary>
    public GrpcResponseBuilder WillRespond(IMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var expected = _interaction.Method!.OutputType;
        if (response.Descriptor.FullName != expected.FullName)
        {
            throw new ArgumentException(
                $"{_interaction.Method.FullName} returns {expected.FullName}, not {response.Descriptor.FullName}.", nameof(response));
        }

        _interaction.Status = StatusCode.OK;
        _interaction.Response = new MatchedMessage(response.Descriptor.Parser.ParseFrom(response.ToByteString()));
        return new GrpcResponseBuilder(_interaction);
    }

    /// <summary>
    /// The provider fails the call with <paramref name="status"/>. Give <paramref name="message"/> only if
    /// the consumer reads the status detail; <paramref name="messageMatcher"/> loosens it
    /// (e.g. <c>Match.Include("not found")</c>), otherwise it must be exactly equal.
    /// </summary>
    public void WillFail(StatusCode status, string? message = null, Matcher? messageMatcher = null)
    {
        if (status == StatusCode.OK)
        {
            throw new ArgumentException("WillFail needs a non-OK status; use WillRespond for success.", nameof(status));
        }

        if (messageMatcher is not null && message is null)
        {
            throw new ArgumentException("A status message matcher needs an example message.", nameof(message));
        }

        _interaction.Status = status;
        _interaction.Response = null;
        _interaction.StatusMessage = message;
        _interaction.StatusMessageMatcher = messageMatcher;
        if (messageMatcher is not null)
        {
            _ = messageMatcher.Wrap(System.Text.Json.Nodes.JsonValue.Create(message), "grpc-message"); // check the example now
        }
    }
}
