using Microsoft.Extensions.DependencyInjection;
using Shop.Contracts.Testing;
using Shop.Notifications.Data;
using Shop.Notifications.Model;
using Shop.Notifications.V1;
using NotificationsProgram = Shop.Notifications.Program;

namespace Shop.Notifications.Contracts.Tests.Provider;

/// <summary>The real notifications service as the pacts' provider, its states seeded through the service's own repository.</summary>
internal sealed class NotificationsProvider : ProviderHost<NotificationsProgram>
{
    private NotificationsProvider(ProviderSetup setup)
        : base(Participants.Notifications, "notifications", "orders", setup, NotificationService.Descriptor)
    {
    }

    public static async Task<NotificationsProvider> CreateAsync() => new(await StartAsync("shop_notifications", connectionString => new()
    {
        ["ConnectionStrings:Notifications"] = connectionString,
    }));

    public override async Task SetUpAsync(string state, IReadOnlyDictionary<string, object?> parameters)
    {
        switch (state)
        {
            case "the order event has not been delivered":
                break;
            case "the order event has been delivered":
                var orderId = Id(parameters, "orderId");
                var kind = NotificationKind.For(Enum.Parse<OrderEventType>(Text(parameters, "type"), ignoreCase: true))
                    ?? throw new ArgumentException("The state's type must be Placed, Paid, Fulfilled or Cancelled.");
                var notifications = Host.Services.GetRequiredService<NotificationRepository>();
                await notifications.InsertOnceAsync(
                    new NewNotification(Id(parameters, "notificationId"), Id(parameters, "eventId"), Id(parameters, "userId"), orderId,
                        kind.Type, kind.MessageFor(orderId), DateTime.UtcNow),
                    CancellationToken.None);
                break;
            default:
                throw new KeyNotFoundException($"The notifications provider has no state '{state}'.");
        }
    }
}
