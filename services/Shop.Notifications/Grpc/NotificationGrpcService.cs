using Grpc.Core;
using Shop.Notifications.Data;
using Shop.Notifications.V1;
using Shop.ServiceDefaults.Errors;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Notifications.Grpc;

internal sealed class NotificationGrpcService(NotificationRepository notifications) : NotificationService.NotificationServiceBase
{
    public override async Task<DeliverOrderEventResponse> DeliverOrderEvent(DeliverOrderEventRequest request, ServerCallContext context)
    {
        var (notification, duplicate) = await notifications.InsertOnceAsync(request.Event.ToNewNotification(), context.CancellationToken);
        return new DeliverOrderEventResponse { Notification = notification.ToMessage(), Duplicate = duplicate };
    }

    public override async Task<ListNotificationsResponse> ListNotifications(ListNotificationsRequest request, ServerCallContext context)
    {
        var userId = RequestValidation.RequireId(request.UserId, "user_id");
        var size = RequestValidation.PageSize(request.PageSize);
        var offset = PageToken.Offset(request.PageToken);
        var page = await notifications.ListForUserAsync(userId, offset, size, context.CancellationToken);
        var response = new ListNotificationsResponse { NextPageToken = PageToken.Next(offset, size, page.Count) };
        response.Notifications.AddRange(page.Select(n => n.ToMessage()));
        return response;
    }

    public override async Task<MarkReadResponse> MarkRead(MarkReadRequest request, ServerCallContext context)
    {
        var id = RequestValidation.RequireId(request.NotificationId, "notification_id");
        var notification = await notifications.MarkReadAsync(id, context.CancellationToken)
            ?? throw new NotFoundException($"notification {id} not found");
        return new MarkReadResponse { Notification = notification.ToMessage() };
    }
}
