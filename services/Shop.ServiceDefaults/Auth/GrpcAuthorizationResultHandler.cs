using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// Answers a refused call as gRPC does (a trailers-only response) instead of HTTP 401/403, so that clients
/// get UNAUTHENTICATED (no valid credentials) or PERMISSION_DENIED (valid, but not allowed) with a message
/// that names the rule, never anything about other users.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    public const string MissingToken = "missing authorization header (expected 'Bearer <token>')";

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded) return next(context);
        // A token that was sent but is bad makes the whole call unauthenticated, even if another one was fine.
        if (AuthenticationFailure.Find(context) is { } failure) return Refuse(context, StatusCode.Unauthenticated, failure);
        if (authorizeResult.Challenged) return Refuse(context, StatusCode.Unauthenticated, MissingToken);
        var reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message ?? "not allowed";
        return Refuse(context, StatusCode.PermissionDenied, reason);
    }

    private static Task Refuse(HttpContext context, StatusCode code, string message)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = message;
        return Task.CompletedTask;
    }
}
