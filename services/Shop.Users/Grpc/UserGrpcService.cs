using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Auth;
using Shop.ServiceDefaults.Errors;
using Shop.ServiceDefaults.Grpc;
using Shop.Users.Auth;
using Shop.Users.Data;
using Shop.Users.Orders;
using Shop.Users.V1;

namespace Shop.Users.Grpc;

/// <summary>Accounts: admins manage all of them, a customer only their own (see <see cref="Caller.RequireSelfOrAdmin"/>).</summary>
internal sealed class UserGrpcService(UserRepository users, Accounts accounts, LoginThrottle throttle, IOptions<AuthOptions> auth, OrderHistory orderHistory)
    : UserService.UserServiceBase
{
    [Authorize(Policy = AccessPolicies.Admin)]
    public override async Task<CreateUserResponse> CreateUser(CreateUserRequest request, ServerCallContext context)
    {
        var user = await accounts.CreateAsync(request.Email, request.Name, request.Password, context.CancellationToken);
        return new CreateUserResponse { User = user.ToMessage() };
    }

    [Authorize(Policy = AccessPolicies.SignedInOrOrdersForUser)]
    public override async Task<GetUserResponse> GetUser(GetUserRequest request, ServerCallContext context)
    {
        var id = Guid.Parse(request.UserId);
        context.Caller().RequireSelfOrAdmin(id);
        var user = await users.FindAsync(id, context.CancellationToken) ?? throw NotFound(id);
        return new GetUserResponse { User = user.ToMessage() };
    }

    [Authorize(Policy = AccessPolicies.SignedIn)]
    public override async Task<UpdateUserResponse> UpdateUser(UpdateUserRequest request, ServerCallContext context)
    {
        var id = Guid.Parse(request.UserId);
        var caller = context.Caller();
        caller.RequireSelfOrAdmin(id);
        var email = request.HasEmail ? AccountRules.Email(request.Email) : null;
        if (email is not null && !caller.IsAdmin && auth.Value.IsAdmin(email)) throw new PermissionDeniedException($"only an admin may give an account an admin's email");
        var password = request.HasPassword ? AccountRules.Password(request.Password) : null;
        if (password is not null && !caller.IsAdmin) await RequireCurrentPasswordAsync(id, request, context);
        var changes = new UserChanges(email, request.HasName ? AccountRules.Name(request.Name) : null, password is null ? null : accounts.HashPassword(password));
        var user = await users.UpdateAsync(id, changes, context.CancellationToken) ?? throw NotFound(id);
        return new UpdateUserResponse { User = user.ToMessage() };
    }

    /// <remarks>
    /// An unknown user is NOT_FOUND whether or not orders answers. An order placed between the check and
    /// the delete is not caught: the two services share no transaction.
    /// </remarks>
    [Authorize(Policy = AccessPolicies.SignedIn)]
    public override async Task<DeleteUserResponse> DeleteUser(DeleteUserRequest request, ServerCallContext context)
    {
        var id = Guid.Parse(request.UserId);
        context.Caller().RequireSelfOrAdmin(id);
        _ = await users.FindAsync(id, context.CancellationToken) ?? throw NotFound(id);
        if (await orderHistory.AnyAsync(id, context.CancellationToken))
        {
            throw new PreconditionFailedException($"user {id} has orders and cannot be deleted");
        }
        return await users.DeleteAsync(id, context.CancellationToken) ? new DeleteUserResponse() : throw NotFound(id);
    }

    [Authorize(Policy = AccessPolicies.Admin)]
    public override async Task<ListUsersResponse> ListUsers(ListUsersRequest request, ServerCallContext context)
    {
        var size = RequestValidation.PageSize(request.PageSize);
        var offset = PageToken.Offset(request.PageToken);
        var page = await users.ListAsync(offset, size, context.CancellationToken);
        var response = new ListUsersResponse { NextPageToken = PageToken.Next(offset, size, page.Count) };
        response.Users.AddRange(page.Select(u => u.ToMessage()));
        return response;
    }

    [Authorize(Policy = AccessPolicies.SignedIn)]
    public override async Task<ListUserOrdersResponse> ListUserOrders(ListUserOrdersRequest request, ServerCallContext context)
    {
        var id = Guid.Parse(request.UserId);
        context.Caller().RequireSelfOrAdmin(id);
        _ = await users.FindAsync(id, context.CancellationToken) ?? throw NotFound(id);
        var orders = await orderHistory.ListAsync(id, context.CancellationToken);
        var response = new ListUserOrdersResponse();
        response.Orders.AddRange(orders.Select(o => o.ToUserOrder()));
        return response;
    }

    /// <summary>
    /// A user changing their own password proves they know the current one (a stolen token alone cannot take
    /// the account over); wrong guesses count against the account's login attempts.
    /// </summary>
    private async Task RequireCurrentPasswordAsync(Guid id, UpdateUserRequest request, ServerCallContext context)
    {
        if (!request.HasCurrentPassword) throw RequestValidation.Invalid("current_password", $"is required to change your password");
        var user = await users.FindAsync(id, context.CancellationToken) ?? throw NotFound(id);
        throttle.Admit(user.Email, context.GetHttpContext().Connection.RemoteIpAddress?.ToString());
        if (!accounts.PasswordMatches(user, request.CurrentPassword)) throw new PermissionDeniedException($"current_password is not the account's password");
    }

    private static NotFoundException NotFound(Guid id) => new($"user {id} not found");
}
