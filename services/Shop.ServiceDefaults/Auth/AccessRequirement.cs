using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Shop.ServiceDefaults.Auth;

/// <summary>One access rule of a policy, with the PERMISSION_DENIED message a caller who fails it gets.</summary>
public sealed class AccessRequirement(string deniedMessage, Func<ClaimsPrincipal, bool> allows) : AuthorizationHandler<AccessRequirement>, IAuthorizationRequirement
{
    public string DeniedMessage { get; } = deniedMessage;

    public bool Allows(ClaimsPrincipal principal) => allows(principal);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        if (requirement.Allows(context.User)) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, requirement.DeniedMessage));
        return Task.CompletedTask;
    }
}
