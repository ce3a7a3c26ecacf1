using Grpc.Core;
using Shop.Users.V1;

namespace Shop.Web.Tests.Fakes;

public sealed class FakeUserClient : UserService.UserServiceClient
{
    public List<User> Users { get; } = [];

    public Func<CreateUserRequest, CreateUserResponse>? OnCreateUser { get; set; }

    public Func<DeleteUserRequest, DeleteUserResponse> OnDeleteUser { get; set; } = _ => new DeleteUserResponse();

    public override AsyncUnaryCall<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CallOptions options) =>
        Calls.Answer(() => new ListUsersResponse { Users = { Users } });

    public override AsyncUnaryCall<GetUserResponse> GetUserAsync(GetUserRequest request, CallOptions options) => Calls.Answer(() =>
        new GetUserResponse { User = Users.SingleOrDefault(u => u.UserId == request.UserId) ?? throw Calls.Failure(StatusCode.NotFound, $"user {request.UserId} not found") });

    public override AsyncUnaryCall<CreateUserResponse> CreateUserAsync(CreateUserRequest request, CallOptions options) =>
        Calls.Answer(() => OnCreateUser?.Invoke(request) ?? Created(request));

    public override AsyncUnaryCall<DeleteUserResponse> DeleteUserAsync(DeleteUserRequest request, CallOptions options) =>
        Calls.Answer(() => OnDeleteUser(request));

    private CreateUserResponse Created(CreateUserRequest request)
    {
        var user = new User { UserId = Guid.NewGuid().ToString(), Email = request.Email, Name = request.Name };
        Users.Add(user);
        return new CreateUserResponse { User = user };
    }
}
