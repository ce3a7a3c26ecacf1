using Grpc.Core;
using Shop.Notifications.V1;

namespace Shop.Web.Tests.Fakes;

public sealed class FakeNotificationClient : NotificationService.NotificationServiceClient
{
    public List<Notification> Notifications { get; } = [];

    public override AsyncUnaryCall<ListNotificationsResponse> ListNotificationsAsync(ListNotificationsRequest request, CallOptions options) =>
        Calls.Answer(() => new ListNotificationsResponse { Notifications = { Notifications.Where(n => n.UserId == request.UserId) } });

    public override AsyncUnaryCall<MarkReadResponse> MarkReadAsync(MarkReadRequest request, CallOptions options) => Calls.Answer(() =>
    {
        var notification = Notifications.Single(n => n.NotificationId == request.NotificationId);
        notification.Read = true;
        return new MarkReadResponse { Notification = notification };
    });
}
