using Grpc.Core;
using Shop.ServiceDefaults.Errors;
using Shop.ServiceDefaults.Grpc;
using Shop.Users.Auth;
using Shop.Users.Data;
using Shop.Users.Orders;
using Shop.Users.V1;

namespace Shop.Users.Grpc;

internal sealed class UserGrpcService(UserRepository users, Accounts accounts, OrderHistory orderHistory) : UserService.UserServiceBase
{
    public override async Task<CreateUserResponse> CreateUser(CreateUserRequest request, ServerCallContext context)
    {
        var user = await accounts.CreateAsync(request.Email, request.Name, request.Password, context.CancellationToken);
        return new CreateUserResponse { User = user.ToMessage() };
    }

    public override async Task<GetUserResponse> GetUser(GetUserRequest request, ServerCallContext context)
    {
        var id = RequestValidation.RequireId(request.UserId, "user_id");
        var user = await users.FindAsync(id, context.CancellationToken) ?? throw NotFound(id);
        return new GetUserResponse { User = user.ToMessage() };
    }

    public override async Task<UpdateUserResponse> UpdateUser(UpdateUserRequest request, ServerCallContext context)
    {
        var id = RequestValidation.RequireId(request.UserId, "user_id");
        var changes = new UserChanges(
            request.HasEmail ? AccountRules.Email(request.Email) : null,
            request.HasName ? AccountRules.Name(request.Name) : null,
            request.HasPassword ? accounts.HashPassword(AccountRules.Password(request.Password)) : null);
        var user = await users.UpdateAsync(id, changes, context.CancellationToken) ?? throw NotFound(id);
        return new UpdateUserResponse { User = user.ToMessage() };
    }

    /// <remarks>
    /// An unknown user is NOT_FOUND whether or not orders answers. An order placed between the check and
    /// the delete is not caught: the two services share no transaction.
    /// </remarks>
    public override async Task<DeleteUserResponse> DeleteUser(DeleteUserRequest request, ServerCallContext context)
    {
        var id = RequestValidation.RequireId(request.UserId, "user_id");
        _ = await users.FindAsync(id, context.CancellationToken) ?? throw NotFound(id);
        if (await orderHistory.AnyAsync(id, context.CancellationToken))
        {
            throw new PreconditionFailedException($"user {id} has orders and cannot be deleted");
        }
        return await users.DeleteAsync(id, context.CancellationToken) ? new DeleteUserResponse() : throw NotFound(id);
    }

    public override async Task<ListUsersResponse> ListUsers(ListUsersRequest request, ServerCallContext context)
    {
        var size = RequestValidation.PageSize(request.PageSize);
        var offset = PageToken.Offset(request.PageToken);
        var page = await users.ListAsync(offset, size, context.CancellationToken);
        var response = new ListUsersResponse { NextPageToken = PageToken.Next(offset, size, page.Count) };
        response.Users.AddRange(page.Select(u => u.ToMessage()));
        return response;
    }

    public override async Task<ListUserOrdersResponse> ListUserOrders(ListUserOrdersRequest request, ServerCallContext context)
    {
        var id = RequestValidation.RequireId(request.UserId, "user_id");
        _ = await users.FindAsync(id, context.CancellationToken) ?? throw NotFound(id);
        var orders = await orderHistory.ListAsync(id, context.CancellationToken);
        var response = new ListUserOrdersResponse();
        response.Orders.AddRange(orders.Select(o => o.ToUserOrder()));
        return response;
    }

    private static NotFoundException NotFound(Guid id) => new($"user {id} not found");
}
