using Grpc.Core;
using Shop.Users.V1;

namespace Shop.Web.Tests.Fakes;

public sealed class FakeAuthClient : AuthService.AuthServiceClient
{
    public Func<LoginRequest, LoginResponse> OnLogin { get; set; } = _ => throw Calls.Failure(StatusCode.Unimplemented, "Login");

    public override AsyncUnaryCall<LoginResponse> LoginAsync(LoginRequest request, CallOptions options) => Calls.Answer(() => OnLogin(request));
}
