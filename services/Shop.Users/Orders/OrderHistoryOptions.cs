namespace Shop.Users.Orders;

/// <summary>The <c>OrderHistory</c> settings, checked when the users service starts (see <c>AddOrderHistory</c>).</summary>
internal sealed class OrderHistoryOptions
{
    public const string Section = "OrderHistory";

    /// <summary>The configuration key of the orders service's address(es), e.g. http://127.0.0.1:5102 (see NeighbourAddress).</summary>
    public const string AddressKey = "Services:Orders";

    /// <summary>
    /// How long asking the orders service may take, retries and every page included, before it counts as
    /// unavailable (or less, if the incoming call's deadline is sooner). Positive.
    /// </summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts per ListOrders call while orders answers UNAVAILABLE (gRPC retry policy); 1 turns retries off, gRPC allows at most 5.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Calls within <see cref="BreakerSamplingDuration"/> before the circuit breaker judges the failure ratio; at least 2.</summary>
    public int BreakerMinimumThroughput { get; set; } = 5;

    /// <summary>The share of failed calls (unavailable, past the deadline, unreachable) at which the circuit opens; above 0, at most 1.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>The window the failure ratio is judged over; from 0.5 seconds to 1 day.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls at once before it lets a trial call through; from 0.5 seconds to 1 day.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Polly refuses a sampling or break duration outside these bounds when it builds the circuit breaker.</summary>
    public static bool IsBreakerDuration(TimeSpan duration) => duration >= TimeSpan.FromSeconds(0.5) && duration <= TimeSpan.FromDays(1);
}
