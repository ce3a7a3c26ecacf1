namespace Shop.Contracts.Pact;

/// <summary>
/// How a gRPC call is written in a pact and on the wire between the engine's verifier and the
/// provider adapter: the one place both the consumer side (writing pacts, matching requests) and the
/// provider side (replaying them) take these names from.
/// </summary>
internal static class GrpcWireKeys
{
    /// <summary>Message contents are proto3 JSON.</summary>
    public const string ContentType = "application/json";

    /// <summary>Request metadata: the full service name, e.g. <c>shop.users.v1.UserService</c>.</summary>
    public const string Service = "grpc-service";

    /// <summary>Request metadata: the method name, e.g. <c>GetUser</c>.</summary>
    public const string Method = "grpc-method";

    /// <summary>Response metadata: the canonical status name (<see cref="GrpcStatusNames"/>).</summary>
    public const string Status = "grpc-status";

    /// <summary>Response metadata: the status detail, recorded only when the consumer reads it.</summary>
    public const string StatusMessage = "grpc-message";

    /// <summary>The interaction transport recorded in the pact file, as the protobuf plugin records gRPC.</summary>
    public const string Transport = "grpc";

    /// <summary>The engine's own transport for message interactions (pacts written without <see cref="Transport"/>).</summary>
    public const string MessageTransport = "message";

    /// <summary>
    /// The key of an interaction's <c>pluginConfiguration</c> holding the consumer's view of the wire
    /// (field numbers and types, enum numbers: <see cref="Wire.WireView"/>), which proto JSON contents do not carry.
    /// </summary>
    public const string WireView = "shop-grpc-wire";

    /// <summary>The HTTP header in which a message provider returns the response metadata (base64 JSON).</summary>
    public const string MetadataHeader = "Pact-Message-Metadata";
}
