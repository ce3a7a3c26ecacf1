using Microsoft.AspNetCore.Authorization;

namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// The access rules RPCs are tagged with (<c>[Authorize(Policy = AccessPolicies.Admin)]</c>), besides
/// <c>[AllowAnonymous]</c>. Ownership (the user themself or an admin) is checked by the RPC with
/// <see cref="Caller"/>, since it depends on the request. An RPC tagged with nothing is refused. A service
/// token is accepted only where a rule names that service: services call nothing else.
/// </summary>
public static class AccessPolicies
{
    /// <summary>An end user (customer or admin) calling directly.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>An admin calling directly.</summary>
    public const string Admin = "admin";

    /// <summary>An end user calling directly, or the orders service acting for them (users' GetUser while placing an order).</summary>
    public const string SignedInOrOrdersForUser = "signed-in-or-orders-for-user";

    /// <summary>An end user calling directly, or the users service acting for them (orders' ListOrders for ListUserOrders and DeleteUser).</summary>
    public const string SignedInOrUsersForUser = "signed-in-or-users-for-user";

    /// <summary>The orders service itself, with its own token (DeliverOrderEvent).</summary>
    public const string OrdersService = "orders-service";

    private const string NeedsUser = "this call needs an end user's access token, sent by the user";

    public static void AddTo(AuthorizationOptions options)
    {
        Add(options, SignedIn, new AccessRequirement(NeedsUser, p => Caller.From(p) is { UserId: not null, Service: null }));
        Add(options, Admin, new AccessRequirement("only an admin may do this", p => Caller.From(p) is { IsAdmin: true, Service: null }));
        Add(options, SignedInOrOrdersForUser, new AccessRequirement(NeedsUser + " or by the orders service for them",
            p => Caller.From(p) is { UserId: not null, Service: null or "orders" }));
        Add(options, SignedInOrUsersForUser, new AccessRequirement(NeedsUser + " or by the users service for them",
            p => Caller.From(p) is { UserId: not null, Service: null or "users" }));
        Add(options, OrdersService, new AccessRequirement("only the orders service may call this", p => Caller.From(p).Service == "orders"));
        options.DefaultPolicy = options.GetPolicy(SignedIn)!;
        // Anything no rule was written for is refused, so a new RPC cannot ship open by mistake.
        options.FallbackPolicy = Policy(new AccessRequirement("this call has no access rule", _ => false));
    }

    private static void Add(AuthorizationOptions options, string name, AccessRequirement requirement) => options.AddPolicy(name, Policy(requirement));

    // Both schemes run for every rule: an end user's token, a service's, or both (a service acting for a user).
    private static AuthorizationPolicy Policy(AccessRequirement requirement) => new AuthorizationPolicyBuilder(MeshIdentity.UserScheme, MeshIdentity.ServiceScheme)
        .RequireAuthenticatedUser()
        .AddRequirements(requirement)
        .Build();
}
