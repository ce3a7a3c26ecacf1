using Google.Protobuf.Reflection;
using Grpc.Core;
using Shop.Contracts.Pact.Matchers;

namespace Shop.Contracts.Pact.Consumer;

/// <summary>Everything declared for one unary call: states, method, expected request, and the response or error.</summary>
internal sealed class GrpcInteractionDefinition(string description)
{
    public string Description { get; } = description;

    public List<ProviderStateDefinition> States { get; } = [];

    public MethodDescriptor? Method { get; set; }

    public MatchedMessage? Request { get; set; }

    /// <summary>Null when the call fails with <see cref="Status"/>.</summary>
    public MatchedMessage? Response { get; set; }

    public StatusCode Status { get; set; } = StatusCode.OK;

    public string? StatusMessage { get; set; }

    public Matcher? StatusMessageMatcher { get; set; }

    public bool IsComplete => Method is not null && Request is not null && (Response is not null || Status != StatusCode.OK);

    /// <summary>The gRPC path, e.g. <c>shop.users.v1.UserService/GetUser</c>.</summary>
    public string MethodPath => Method is null ? "(no method)" : $"{Method.Service.FullName}/{Method.Name}";
}
