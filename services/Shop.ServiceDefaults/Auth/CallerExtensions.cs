using Grpc.Core;

namespace Shop.ServiceDefaults.Auth;

public static class CallerExtensions
{
    /// <summary>The caller of this RPC, from the identities authentication found.</summary>
    public static Caller Caller(this ServerCallContext context) => Auth.Caller.From(context.GetHttpContext().User);
}
