using Grpc.Core;
using Microsoft.Extensions.Options;
using Shop.Contracts.Pact;
using Shop.Contracts.Pact.Consumer;
using Shop.Contracts.Pact.Matchers;
using Shop.Contracts.Testing;
using Shop.Notifications.V1;
using Shop.Orders.Outbox;

namespace Shop.Orders.Contracts.Tests.Consumer;

/// <summary>
/// Orders' outbox delivers each order event to notifications (<see cref="NotificationPublisher"/>).
/// It relies on two things: the call succeeds (a failure leaves the event in the outbox, holding back
/// the order's later events, and is retried), and <c>duplicate</c> tells a first delivery from a
/// redelivery of the same event id. It reads nothing of the notification made, so the contract pins
/// the status and <c>duplicate</c> and leaves the notification to the provider. Orders never sends an
/// event notifications should reject (an unknown type fails before the call). Deliveries carry orders' own
/// service token (they run for no end user); a delivery without it is refused.
/// </summary>
[TestClass]
[TestCategory(ContractCategories.Consumer)]
public sealed class NotificationsConsumerTests
{
    public const string NewEventId = "01970a52-3c4d-7e8f-9a0b-1c2d3e4f5a6b";
    public const string DeliveredEventId = "01970a52-7b8c-7d9e-8f0a-2b3c4d5e6f70";
    public const string DeliveredNotificationId = "01970a53-1a2b-7c3d-8e4f-5a6b7c8d9e0f";
    public const string OrderId = "6f2c9b1e-4a7d-4e3b-9c8a-0d1e2f3a4b5c";
    public const string UserId = "0b5c8d1e-7f0a-4c57-9a53-3f1d2e6c4b21";

    private const string Uuid = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private static readonly DateTime PaidAt = new(2026, 3, 14, 9, 26, 53, DateTimeKind.Utc);

    [TestMethod]
    public async Task NotificationPublisher_delivers_an_order_paid_event_the_first_time()
    {
        var pact = NotificationsPact();
        var interaction = pact.UponReceiving("delivery of an order paid event")
            .Given("the order event has not been delivered", new { eventId = NewEventId, orderId = OrderId, userId = UserId });
        PaidEventDelivery(interaction, NewEventId)
            .WillRespond(new DeliverOrderEventResponse { Duplicate = false });

        await pact.VerifyAsync(async ctx =>
        {
            await using var orders = OrdersClientsHost.For(ctx.Address);
            Assert.IsTrue(await orders.Get<NotificationPublisher>().PublishAsync(PaidEvent(NewEventId), CancellationToken.None), "the first delivery made the notification");
        });
    }

    [TestMethod]
    public async Task NotificationPublisher_recognises_a_redelivered_event_as_a_duplicate()
    {
        var pact = NotificationsPact();
        var interaction = pact.UponReceiving("redelivery of an order paid event")
            .Given("the order event has been delivered", new
            {
                notificationId = DeliveredNotificationId,
                eventId = DeliveredEventId,
                orderId = OrderId,
                userId = UserId,
                type = "Paid",
            });
        PaidEventDelivery(interaction, DeliveredEventId)
            .WillRespond(new DeliverOrderEventResponse { Duplicate = true });

        await pact.VerifyAsync(async ctx =>
        {
            await using var orders = OrdersClientsHost.For(ctx.Address);
            Assert.IsFalse(await orders.Get<NotificationPublisher>().PublishAsync(PaidEvent(DeliveredEventId), CancellationToken.None), "a redelivery makes no second notification");
        });
    }

    [TestMethod]
    public async Task NotificationPublisher_delivery_without_credentials_is_refused()
    {
        // Only orders may deliver order events: a forged event from anyone else must make no notification.
        var pact = NotificationsPact();
        var interaction = pact.UponReceiving("delivery of an order paid event without credentials")
            .Given("the order event has not been delivered", new { eventId = NewEventId, orderId = OrderId, userId = UserId });
        AnonymousPaidEventDelivery(interaction, NewEventId)
            .WillFail(StatusCode.Unauthenticated);

        await pact.VerifyAsync(async ctx =>
        {
            var refused = await Assert.ThrowsExactlyAsync<RpcException>(() => AnonymousPublisher(ctx).PublishAsync(PaidEvent(NewEventId), CancellationToken.None));
            Assert.AreEqual(StatusCode.Unauthenticated, refused.StatusCode, "the event stays in the outbox");
        });
    }

    private static GrpcPactBuilder NotificationsPact() =>
        Pact.V4(Participants.Orders, Participants.Notifications, new PactConfig { PactDir = PactDirectories.Output }).WithGrpcInteractions();

    // The outbox row orders stores when an order is paid.
    private static OrderEventRecord PaidEvent(string eventId) =>
        new(Sequence: 7, Id: Guid.Parse(eventId), OrderId: Guid.Parse(OrderId), UserId: Guid.Parse(UserId),
            Type: OrderEventTypes.Paid, OccurredAt: PaidAt, DeliveredAt: null);

    /// <summary>
    /// The call orders must make for <see cref="PaidEvent"/>, written out rather than taken from orders'
    /// mapping, so a mapping that sends something else fails here. Ids may be any UUID and the time any
    /// instant; the type is exact, as it is what the event means. The examples stay fixed: the provider
    /// states seed them. As orders sends it, with its service token.
    /// </summary>
    private static GrpcRequestBuilder PaidEventDelivery(GrpcInteractionBuilder interaction, string eventId) =>
        AnonymousPaidEventDelivery(interaction, eventId).WithServiceToken();

    // The same call without credentials.
    private static GrpcRequestBuilder AnonymousPaidEventDelivery(GrpcInteractionBuilder interaction, string eventId) =>
        interaction.WithRequest<DeliverOrderEventRequest>(NotificationService.Descriptor, new
        {
            @event = new
            {
                eventId = Match.Regex(eventId, Uuid),
                type = OrderEventType.Paid,
                orderId = Match.Regex(OrderId, Uuid),
                userId = Match.Regex(UserId, Uuid),
                occurredAt = Match.Timestamp(PaidAt),
            },
        });

    // Orders' own client code on the mock's channel, without the credentials orders' registration adds.
    private static NotificationPublisher AnonymousPublisher(GrpcPactContext ctx) =>
        new(new NotificationService.NotificationServiceClient(ctx.Channel),
            Options.Create(new NotificationPublisherOptions { Deadline = TimeSpan.FromSeconds(30) }));
}
