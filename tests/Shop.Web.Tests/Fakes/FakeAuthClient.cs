using Grpc.Core;
using Shop.Users.V1;

namespace Shop.Web.Tests.Fakes;

public sealed class FakeAuthClient : AuthService.AuthServiceClient
{
    public Func<LoginRequest, LoginResponse> OnLogin { get; set; } = _ => throw Calls.Failure(StatusCode.Unimplemented, "Login");

    /// <summary>The headers the last Login was sent with.</summary>
    public Metadata? LoginHeaders { get; private set; }

    public override AsyncUnaryCall<LoginResponse> LoginAsync(LoginRequest request, CallOptions options)
    {
        LoginHeaders = options.Headers;
        return Calls.Answer(() => OnLogin(request));
    }
}
