using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Shop.Contracts.Pact;
using Shop.Contracts.Testing;
using Shop.Testing;
using Next = Shop.Notifications.Contracts.Tests.Next;
using NotificationsV1 = Shop.Notifications.V1;
using Renumbered = Shop.Notifications.Contracts.Tests.Renumbered;
using Retyped = Shop.Notifications.Contracts.Tests.Retyped;

namespace Shop.Notifications.Contracts.Tests.Provider;

/// <summary>
/// Proves the committed notifications pacts can fail: the real notifications host (real service, real
/// database) with a deliberate change applied in the test. Breaking changes must fail verification
/// naming the interaction and what differs; compatible ones must pass. One host for the class.
/// </summary>
[TestClass]
[TestCategory(ContractCategories.Provider)]
public sealed class NotificationsProviderChangeTests
{
    private const string FirstDelivery = "delivery of an order paid event";
    private const string Redelivery = "redelivery of an order paid event";

    private NotificationsProvider provider = null!;

    [TestInitialize]
    public async Task ShareTheHost() =>
        provider = await ClassFixtures<NotificationsProvider>.ForAsync(GetType(), NotificationsProvider.CreateAsync);

    [TestMethod]
    public async Task DeliverOrderEvent_never_reporting_a_duplicate_breaks_orders()
    {
        // e.g. a rewrite that loses the "first time?" answer: orders would take every redelivery for a new notification.
        using var _ = provider.Change.Apply(async (method, request, callService) =>
        {
            var response = await callService();
            if (response is NotificationsV1.DeliverOrderEventResponse delivered)
            {
                delivered.Duplicate = false;
            }

            return response;
        });

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() => provider.Verifier().VerifyAsync());

        StringAssert.Contains(ex.Message, $"FAILED '{Redelivery}'");
        StringAssert.Contains(ex.Message, "$.duplicate");
        Assert.DoesNotContain($"FAILED '{FirstDelivery}'", ex.Message);
    }

    [TestMethod]
    public async Task DeliverOrderEvent_admitting_callers_without_credentials_breaks_orders()
    {
        // e.g. DeliverOrderEvent open to anyone: forged events would notify any user. The credentialed deliveries still pass.
        using var _ = provider.AdmitAnonymousCallers();

        var result = await provider.Verifier().RunAsync();

        VerificationAssert.OnlyFails(result, "delivery of an order paid event without credentials", "grpc-status", "UNAUTHENTICATED");
    }

    [TestMethod]
    public async Task DeliverOrderEvent_rejecting_a_redelivery_breaks_orders()
    {
        // A redelivery answered with an error stays in orders' outbox, retried for ever, holding back the order's later events.
        using var _ = provider.Change.Apply(async (method, request, callService) =>
        {
            var response = await callService();
            return response is NotificationsV1.DeliverOrderEventResponse { Duplicate: true }
                ? throw new RpcException(new Status(StatusCode.AlreadyExists, "the event has been delivered"))
                : response;
        });

        var result = await provider.Verifier().RunAsync();

        Assert.IsFalse(result.Passed);
        var redelivery = result.Interactions.Single(i => i.Description == Redelivery);
        Assert.IsFalse(redelivery.Passed);
        Assert.IsTrue(redelivery.Mismatches.Any(m => m.Contains("grpc-status", StringComparison.Ordinal) && m.Contains("ALREADY_EXISTS", StringComparison.Ordinal)),
            result.Describe());
        Assert.IsTrue(result.Interactions.Single(i => i.Description == FirstDelivery).Passed, result.Describe());
    }

    [TestMethod]
    public async Task DeliverOrderEvent_no_longer_taking_paid_events_breaks_orders()
    {
        // e.g. a build that drops the "order_processed" notification and with it ORDER_EVENT_TYPE_PAID.
        using var _ = provider.Change.Apply((method, request, callService) =>
            request is NotificationsV1.DeliverOrderEventRequest { Event.Type: NotificationsV1.OrderEventType.Paid }
                ? throw new RpcException(new Status(StatusCode.InvalidArgument, "event.type: 2 is not a known order event type"))
                : callService());

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() => provider.Verifier().VerifyAsync());

        StringAssert.Contains(ex.Message, $"FAILED '{FirstDelivery}'");
        StringAssert.Contains(ex.Message, $"FAILED '{Redelivery}'");
        StringAssert.Contains(ex.Message, "INVALID_ARGUMENT");
    }

    [TestMethod]
    public async Task Retyping_the_event_time_as_a_string_breaks_orders()
    {
        // occurred_at as an RFC 3339 string: the same proto JSON text, but orders' generated code sends a Timestamp message.
        // Replayed as a string, the event is what the real service (still expecting a Timestamp) cannot read: that is the break.
        ServerLog.Current!.ExpectErrors(e => e.Exception is InvalidProtocolBufferException);
        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() =>
            provider.Verifier(Retyped.NotificationService.Descriptor).VerifyAsync());

        StringAssert.Contains(ex.Message, $"FAILED '{FirstDelivery}'");
        StringAssert.Contains(ex.Message, $"FAILED '{Redelivery}'");
        StringAssert.Contains(ex.Message,
            "shop.notifications.v1.OrderEvent.occurred_at: consumer expects field 5 (message google.protobuf.Timestamp), provider has field 5 (string)");
    }

    [TestMethod]
    public async Task Renumbering_the_duplicate_field_breaks_orders()
    {
        // DeliverOrderEventResponse.duplicate moved from field 2 to 9: the same proto JSON, but orders' generated
        // code reads field 2, so it would take every redelivery for a first delivery.
        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() =>
            provider.Verifier(Renumbered.NotificationService.Descriptor).VerifyAsync());

        StringAssert.Contains(ex.Message, $"FAILED '{Redelivery}'");
        StringAssert.Contains(ex.Message, "shop.notifications.v1.DeliverOrderEventResponse.duplicate: consumer expects field 2 (bool), provider has field 9");
    }

    [TestMethod]
    public async Task DeliverOrderEvent_with_a_new_field_and_a_new_rpc_still_meets_the_pacts()
    {
        // What a newer notifications build puts on the wire: Notification.channel (field 9), unknown to this build's types.
        var channel = new Next.Notification { Channel = "email" }.ToByteString();
        using var _ = provider.Change.Apply(async (method, request, callService) =>
        {
            var response = await callService();
            if (response is NotificationsV1.DeliverOrderEventResponse { Notification: { } notification })
            {
                notification.MergeFrom(channel);
            }

            return response;
        });
        var seen = await DeliverAnEventAsync();
        Assert.AreEqual("email", seen.Notification.Channel, "the changed provider really sends the new field");

        var result = await provider.Verifier(Next.NotificationService.Descriptor).VerifyAsync();

        Assert.IsTrue(result.Passed, result.Describe());
    }

    [TestMethod]
    public async Task Renaming_the_notification_type_does_not_concern_orders()
    {
        // Orders reads only whether the delivery was a duplicate: what the notification says is the provider's own business.
        using var _ = provider.Change.Apply(async (method, request, callService) =>
        {
            var response = await callService();
            if (response is NotificationsV1.DeliverOrderEventResponse { Notification: { } notification })
            {
                notification.Type = "order_paid";
            }

            return response;
        });
        var seen = await DeliverAnEventAsync();
        Assert.AreEqual("order_paid", seen.Notification.Type, "the changed provider really renames the type");

        var result = await provider.Verifier().VerifyAsync();

        Assert.IsTrue(result.Passed, result.Describe());
    }

    // One paid event through the changed host, as a client of the newer API sees the answer; the database is emptied after.
    private async Task<Next.DeliverOrderEventResponse> DeliverAnEventAsync()
    {
        try
        {
            return await new Next.NotificationService.NotificationServiceClient(provider.ConsumerChannel).DeliverOrderEventAsync(new Next.DeliverOrderEventRequest
            {
                Event = new Next.OrderEvent
                {
                    EventId = Guid.NewGuid().ToString(),
                    Type = Next.OrderEventType.Paid,
                    OrderId = Guid.NewGuid().ToString(),
                    UserId = Guid.NewGuid().ToString(),
                    OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow),
                },
            });
        }
        finally
        {
            await provider.Database.ResetAsync();
        }
    }
}
