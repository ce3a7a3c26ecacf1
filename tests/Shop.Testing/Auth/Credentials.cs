using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Shop.Testing.Auth;

/// <summary>Calls made with a given end user's token and/or a service's token, as clients and services send them.</summary>
public static class Credentials
{
    /// <summary>A call invoker over <paramref name="channel"/> whose calls carry <c>authorization: Bearer {userToken}</c>.</summary>
    public static CallInvoker As(this ChannelBase channel, string userToken) => channel.With(userToken, null);

    /// <summary>
    /// A call invoker whose calls carry the given tokens, each only when not null: the end user's in
    /// <c>authorization</c>, a service's in <c>shop-service-authorization</c>. Raw header values, so tests
    /// can also send what no client would.
    /// </summary>
    public static CallInvoker With(this ChannelBase channel, string? userToken, string? serviceToken) =>
        channel.Intercept(headers =>
        {
            // A copy: the caller's own Metadata (reused across calls, say) must not collect a token per call.
            var sent = new Metadata();
            foreach (var entry in headers) sent.Add(entry);
            if (userToken is not null) sent.Add("authorization", $"Bearer {userToken}");
            if (serviceToken is not null) sent.Add("shop-service-authorization", $"Bearer {serviceToken}");
            return sent;
        });
}
