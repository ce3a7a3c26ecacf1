using System.Text.Json.Nodes;
using Google.Protobuf;
using Grpc.Core;
using Shop.Contracts.Pact.Matchers;

namespace Shop.Contracts.Pact.Consumer;

/// <summary>The expected request is declared: say how the provider answers.</summary>
public sealed class GrpcRequestBuilder
{
    private readonly GrpcInteractionDefinition interaction;

    internal GrpcRequestBuilder(GrpcInteractionDefinition interaction) => this.interaction = interaction;

    /// <summary>
    /// Request metadata (a gRPC header) the consumer sends with the call: a string that must be equal, or a
    /// matcher around an example, as credentials are recorded
    /// (<c>.WithMetadata("authorization", Match.Regex("Bearer header.payload.signature", @"^Bearer \S+$"))</c>).
    /// The mock requires it of every matching call; the provider's verifier sends it, a custom header
    /// (<see cref="Provider.GrpcPactVerifier.WithCustomHeader(string, Func{Provider.ProviderRequest, string})"/>)
    /// putting real credentials in place of the example. Metadata left out is not part of the contract.
    /// </summary>
    public GrpcRequestBuilder WithMetadata(string key, object value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        if (key != key.ToLowerInvariant() || key.StartsWith("grpc-", StringComparison.Ordinal) || key.StartsWith(':') || key.EndsWith("-bin", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{key}' is not metadata a contract can hold: keys are lowercase text headers, not reserved (grpc-*, pseudo-headers) or binary (-bin).", nameof(key));
        }

        interaction.RequestMetadata[key] = value switch
        {
            string exact => JsonValue.Create(exact),
            // Checks the example against the matcher now, where it is declared.
            Matcher { Example: string example } matcher => matcher.Wrap(JsonValue.Create(example), key),
            _ => throw new ArgumentException("A metadata value is a string, or a matcher around a string example.", nameof(value)),
        };
        return this;
    }

    /// <summary>
    /// The provider answers OK with <paramref name="response"/>: a generated message (every field must be
    /// equal), or an object of its proto JSON fields with matchers inline around the examples, e.g.
    /// <c>new { user = new { userId = Match.Regex(UserId, Uuid), email = Match.Type("ann@example.com") } }</c>.
    /// Fields left out are their default value and must be equal too, so match every field whose value
    /// the provider chooses (ids, timestamps). The mock answers the examples.
    /// </summary>
    public void WillRespond(object response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var expected = interaction.Method!.OutputType;
        if (response is IMessage message && message.Descriptor.FullName != expected.FullName)
        {
            throw new ArgumentException(
                $"{interaction.Method.FullName} returns {expected.FullName}, not {message.Descriptor.FullName}.", nameof(response));
        }

        interaction.Status = StatusCode.OK;
        interaction.Response = MatchedMessage.From(expected, response);
    }

    /// <summary>
    /// The provider fails the call with <paramref name="status"/>. Give <paramref name="message"/> only if
    /// the consumer reads the status detail: a string that must be equal, or a matcher around the detail
    /// the mock answers (e.g. <c>Match.Include("not found", example: "product SKU-404 not found")</c>).
    /// </summary>
    public void WillFail(StatusCode status, object? message = null)
    {
        if (status == StatusCode.OK)
        {
            throw new ArgumentException("WillFail needs a non-OK status; use WillRespond for success.", nameof(status));
        }

        var (text, json) = message switch
        {
            null => (null, null),
            string exact => (exact, JsonValue.Create(exact)),
            // Checks the example against the matcher now, where it is declared.
            Matcher { Example: string example } matcher => (example, matcher.Wrap(JsonValue.Create(example), GrpcWireKeys.StatusMessage)),
            _ => throw new ArgumentException("A status message is a string, or a matcher around a string example.", nameof(message)),
        };

        interaction.Status = status;
        interaction.Response = null;
        interaction.StatusMessage = text;
        interaction.StatusMessageJson = json;
    }
}
