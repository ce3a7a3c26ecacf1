using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Shop.ServiceDefaults.Auth;
using Shop.ServiceDefaults.Errors;
using Shop.Users.Auth;
using Shop.Users.Data;
using Shop.Users.V1;

namespace Shop.Users.Grpc;

internal sealed class AuthGrpcService(Accounts accounts, AccessTokens tokens, LoginThrottle throttle, UserRepository users) : AuthService.AuthServiceBase
{
    [AllowAnonymous]
    public override async Task<RegisterResponse> Register(RegisterRequest request, ServerCallContext context)
    {
        var user = await accounts.CreateAsync(request.Email, request.Name, request.Password, context.CancellationToken);
        return new RegisterResponse { User = user.ToMessage() };
    }

    [AllowAnonymous]
    public override async Task<LoginResponse> Login(LoginRequest request, ServerCallContext context)
    {
        throttle.Admit(request.Email, context.GetHttpContext().Connection.RemoteIpAddress?.ToString());
        var user = await accounts.AuthenticateAsync(request.Email, request.Password, context.CancellationToken);
        var (token, expiresAt) = tokens.Issue(user);
        return new LoginResponse { AccessToken = token, ExpiresAt = Timestamp.FromDateTime(expiresAt), User = user.ToMessage() };
    }

    [Authorize(Policy = AccessPolicies.SignedIn)]
    public override async Task<GetProfileResponse> GetProfile(GetProfileRequest request, ServerCallContext context)
    {
        // A valid token for a user deleted since login no longer grants anything.
        var user = await users.FindAsync(context.Caller().RequireUserId(), context.CancellationToken)
            ?? throw new NotAuthenticatedException($"the token's user no longer exists");
        return new GetProfileResponse { User = user.ToMessage() };
    }
}
