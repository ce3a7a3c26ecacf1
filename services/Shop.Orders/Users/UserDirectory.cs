using Grpc.Core;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Errors;
using Shop.Users.V1;

namespace Shop.Orders.Users;

/// <summary>
/// Whether a user exists, asked of the users service (GetUser). The client comes from the gRPC client
/// factory, which propagates the incoming call's deadline and cancellation.
/// </summary>
internal sealed class UserDirectory(UserService.UserServiceClient users, IOptions<UserDirectoryOptions> options, ILogger<UserDirectory> logger)
{
    public const string Unavailable = "User service unavailable";

    /// <returns>True when the users service knows the user, false when it answers NOT_FOUND.</returns>
    /// <exception cref="DependencyUnavailableException">When the users service cannot answer within the deadline.</exception>
    public async Task<bool> ExistsAsync(Guid userId, CancellationToken ct = default)
    {
        try
        {
            await users.GetUserAsync(
                new GetUserRequest { UserId = userId.ToString() },
                deadline: DateTime.UtcNow + options.Value.Deadline,
                cancellationToken: ct);
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
        catch (RpcException e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "GetUser for {UserId} failed with {Status}", userId, e.StatusCode);
            throw new DependencyUnavailableException($"{Unavailable} ({e.StatusCode}); retry later.");
        }
    }
}
