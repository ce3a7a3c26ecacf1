using Shop.Contracts.Testing;
using Shop.Orders.Outbox;
using Shop.Orders.Users;

namespace Shop.Orders.Contracts.Tests.Consumer;

/// <summary>
/// Orders' clients of users and notifications as the orders service registers them (<c>AddOrderServices</c>:
/// client factory, deadlines, orders' service token and, towards users, the end user's), pointed at a mock provider.
/// </summary>
internal static class OrdersClientsHost
{
    public static ConsumerHost For(Uri mockAddress) => ConsumerHost.For("orders", new Dictionary<string, string?>
    {
        [UserDirectoryOptions.AddressKey] = mockAddress.ToString(),
        [NotificationPublisherOptions.AddressKey] = mockAddress.ToString(),
        // The deadlines are not part of the contract: generous ones keep a busy test machine (every test
        // project at once) from failing the call.
        [$"{UserDirectoryOptions.Section}:{nameof(UserDirectoryOptions.Deadline)}"] = "00:00:30",
        [$"{NotificationPublisherOptions.Section}:{nameof(NotificationPublisherOptions.Deadline)}"] = "00:00:30",
    }, builder => builder.AddOrderServices());
}
