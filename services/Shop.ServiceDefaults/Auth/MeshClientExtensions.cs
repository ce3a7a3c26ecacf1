using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.ServiceDefaults.Auth;

public static class MeshClientExtensions
{
    /// <summary>
    /// Calls of this gRPC client carry this service's token for <paramref name="callee"/>, and with
    /// <paramref name="forwardUser"/> the access token of the end user whose call is being served.
    /// </summary>
    public static IHttpClientBuilder AddMeshCredentials(this IHttpClientBuilder client, string callee, bool forwardUser)
    {
        client.Services.AddTokenSigning();
        client.Services.AddHttpContextAccessor();
        return client.AddInterceptor(services => new MeshCredentialsInterceptor(
            services.GetRequiredService<ServiceTokens>(), services.GetRequiredService<IHttpContextAccessor>(), callee, forwardUser));
    }
}
