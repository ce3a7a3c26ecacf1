using Shop.Contracts.Testing;
using Shop.Users.Orders;

namespace Shop.Users.Contracts.Tests.Consumer;

/// <summary>
/// Users' orders client as the users service registers it (<c>AddUserServices</c>: the "orders" gRPC
/// client from the client factory, its retry policy, the "orders" circuit breaker, the deadline, users'
/// service token and the end user's), with <c>Services:Orders</c> pointed at a mock orders service.
/// </summary>
internal static class OrderHistoryHost
{
    public static ConsumerHost For(Uri ordersAddress) => ConsumerHost.For("users", new Dictionary<string, string?>
    {
        [OrderHistoryOptions.AddressKey] = ordersAddress.ToString(),
        // The deadline is not part of the contract: a generous one keeps a busy test machine (every
        // test project at once) from failing the call. Retries and the breaker keep their defaults.
        [$"{OrderHistoryOptions.Section}:{nameof(OrderHistoryOptions.Deadline)}"] = "00:00:30",
    }, builder => builder.AddUserServices());
}
