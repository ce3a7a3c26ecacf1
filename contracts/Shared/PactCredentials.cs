using Shop.Contracts.Pact.Consumer;
using Shop.Contracts.Pact.Matchers;
using Shop.Contracts.Pact.Provider;
using Shop.ServiceDefaults.Auth;
using Shop.Testing.Auth;

namespace Shop.Contracts.Testing;

/// <summary>
/// The mesh's credentials in the pacts: a consumer records the tokens it sends by pattern (a bearer JWT),
/// never a token; a provider's verification puts real ones, signed with the test keys, in their place.
/// </summary>
internal static class PactCredentials
{
    /// <summary>The end user's access token.</summary>
    public const string UserHeader = "authorization";

    /// <summary>The calling service's own token.</summary>
    public const string ServiceHeader = MeshIdentity.ServiceHeader;

    /// <summary>A bearer JWT: three base64url parts.</summary>
    public const string BearerJwt = @"^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$";

    /// <summary>Any bearer JWT; the example is no token at all.</summary>
    public static Matcher Bearer() => Match.Regex("Bearer header.payload.signature", BearerJwt);

    /// <summary>A service's call for an end user: the user's access token and the service's own.</summary>
    public static GrpcRequestBuilder WithUserAndServiceTokens(this GrpcRequestBuilder request) =>
        request.WithMetadata(UserHeader, Bearer()).WithMetadata(ServiceHeader, Bearer());

    /// <summary>A service's call of its own: its service token only.</summary>
    public static GrpcRequestBuilder WithServiceToken(this GrpcRequestBuilder request) =>
        request.WithMetadata(ServiceHeader, Bearer());

    /// <summary>
    /// Real credentials where the pact's requests carry them: <paramref name="consumer"/>'s service token for
    /// <paramref name="provider"/>, and an access token of the user the interaction's provider state names
    /// (<c>userId</c>), on whose behalf the consumer calls.
    /// </summary>
    public static GrpcPactVerifier WithMeshCredentials(this GrpcPactVerifier verifier, string consumer, string provider) =>
        verifier
            .WithCustomHeader(ServiceHeader, _ => "Bearer " + TestTokens.Service(consumer, provider))
            .WithCustomHeader(UserHeader, request => "Bearer " + TestTokens.User(StateUser(request)));

    private static Guid StateUser(ProviderRequest request) =>
        request.Parameters.TryGetValue("userId", out var id) && Guid.TryParse(id as string, out var userId)
            ? userId
            : throw new ArgumentException($"'{request.Description}' sends an end user's token, but its provider state names no user (userId).");
}
