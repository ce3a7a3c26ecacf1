using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Shop.Contracts.Pact.Engine;
using Shop.Contracts.Pact.Matchers;

namespace Shop.Contracts.Pact.Consumer;

/// <summary>Everything declared for one unary call: states, method, expected request, and the response or error.</summary>
internal sealed class GrpcInteractionDefinition(string description)
{
    public string Description { get; } = description;

    public List<ProviderStateDefinition> States { get; } = [];

    public MethodDescriptor? Method { get; set; }

    public MatchedMessage? Request { get; set; }

    /// <summary>Request metadata the consumer sends (credentials, say): key to a JSON string or matcher.</summary>
    public Dictionary<string, JsonNode> RequestMetadata { get; } = new(StringComparer.Ordinal);

    /// <summary>Null when the call fails with <see cref="Status"/>.</summary>
    public MatchedMessage? Response { get; set; }

    public StatusCode Status { get; set; } = StatusCode.OK;

    /// <summary>The status detail the mock answers, when the consumer reads it.</summary>
    public string? StatusMessage { get; set; }

    /// <summary>How <see cref="StatusMessage"/> is recorded: a JSON string or a matcher.</summary>
    public JsonNode? StatusMessageJson { get; set; }

    public bool IsComplete => Method is not null && Request is not null && (Response is not null || Status != StatusCode.OK);

    /// <summary>The gRPC path, e.g. <c>shop.users.v1.UserService/GetUser</c>.</summary>
    public string MethodPath => Method is null ? "(no method)" : $"{Method.Service.FullName}/{Method.Name}";

    /// <summary>Records this call in <paramref name="pact"/> as a synchronous message, the way the protobuf plugin records gRPC.</summary>
    public void WriteTo(ISyncMessagePactDriver pact)
    {
        var interaction = pact.NewInteraction(Description);
        interaction.Comment($"gRPC {MethodPath}");
        foreach (var state in States)
        {
            interaction.Given(state.Name, state.ParamsJson);
        }

        interaction.WithRequestBody(GrpcWireKeys.ContentType, Request!.IntegrationJson);
        interaction.WithRequestMetadata(GrpcWireKeys.Service, Quote(Method!.Service.FullName));
        interaction.WithRequestMetadata(GrpcWireKeys.Method, Quote(Method.Name));
        foreach (var (key, value) in RequestMetadata)
        {
            interaction.WithRequestMetadata(key, value.ToJsonString());
        }

        // A failed call has no message; an empty body keeps one response part to carry the status.
        interaction.WithResponseBody(GrpcWireKeys.ContentType, Response?.IntegrationJson ?? string.Empty);
        interaction.WithResponseMetadata(GrpcWireKeys.Status, Quote(GrpcStatusNames.Of(Status)));
        if (StatusMessageJson is not null)
        {
            interaction.WithResponseMetadata(GrpcWireKeys.StatusMessage, StatusMessageJson.ToJsonString());
        }
    }

    /// <summary>The consumer's view of the wire: the fields its request and response name (<see cref="Wire.WireView"/>).</summary>
    public JsonObject WireView() => Wire.WireView.Of(Request!.Used.Concat(Response?.Used ?? []));

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
