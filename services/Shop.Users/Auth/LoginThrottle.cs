using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Shop.Users.Auth;

/// <summary>
/// Bounds password guessing: so many attempts per account and per client address in each window
/// (<see cref="AuthOptions.LoginAttemptsPerAccount"/>, <see cref="AuthOptions.LoginAttemptsPerAddress"/>),
/// then RESOURCE_EXHAUSTED saying when to retry (also as the trailer <c>retry-after</c>, in seconds).
/// </summary>
internal sealed class LoginThrottle : IDisposable
{
    private const int MaxKeyLength = 254; // the longest valid email; longer keys could only bloat the partitions

    private readonly PartitionedRateLimiter<string> perAccount;
    private readonly PartitionedRateLimiter<string> perAddress;

    public LoginThrottle(IOptions<AuthOptions> options)
    {
        perAccount = Limiter(options.Value.LoginAttemptsPerAccount, options.Value.LoginWindow);
        perAddress = Limiter(options.Value.LoginAttemptsPerAddress, options.Value.LoginWindow);
    }

    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when the account or the address used up its attempts.</exception>
    public void Admit(string email, string? clientAddress)
    {
        var account = email.Trim().ToLowerInvariant();
        using var byAccount = perAccount.AttemptAcquire(account.Length > MaxKeyLength ? account[..MaxKeyLength] : account);
        using var byAddress = perAddress.AttemptAcquire(clientAddress ?? "");
        if (!byAccount.IsAcquired) throw Exhausted(byAccount);
        if (!byAddress.IsAcquired) throw Exhausted(byAddress);
    }

    public void Dispose()
    {
        perAccount.Dispose();
        perAddress.Dispose();
    }

    private static PartitionedRateLimiter<string> Limiter(int attempts, TimeSpan window) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = attempts, Window = window, QueueLimit = 0 }));

    private static RpcException Exhausted(RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        var text = seconds.ToString(CultureInfo.InvariantCulture);
        return new RpcException(new Status(StatusCode.ResourceExhausted, $"too many login attempts; retry after {text} s"), new Metadata { { "retry-after", text } });
    }
}
