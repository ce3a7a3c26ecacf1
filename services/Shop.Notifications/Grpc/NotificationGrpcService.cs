using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Shop.Notifications.Data;
using Shop.Notifications.V1;
using Shop.ServiceDefaults.Auth;
using Shop.ServiceDefaults.Errors;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Notifications.Grpc;

/// <summary>Notifications: made only from the orders service's events; each user reads and marks their own, admins anyone's.</summary>
internal sealed class NotificationGrpcService(NotificationRepository notifications) : NotificationService.NotificationServiceBase
{
    [Authorize(Policy = AccessPolicies.OrdersService)]
    public override async Task<DeliverOrderEventResponse> DeliverOrderEvent(DeliverOrderEventRequest request, ServerCallContext context)
    {
        var (notification, duplicate) = await notifications.InsertOnceAsync(request.Event.ToNewNotification(), context.CancellationToken);
        return new DeliverOrderEventResponse { Notification = notification.ToMessage(), Duplicate = duplicate };
    }

    [Authorize(Policy = AccessPolicies.SignedIn)]
    public override async Task<ListNotificationsResponse> ListNotifications(ListNotificationsRequest request, ServerCallContext context)
    {
        var userId = Guid.Parse(request.UserId);
        context.Caller().RequireSelfOrAdmin(userId);
        var size = RequestValidation.PageSize(request.PageSize);
        var offset = PageToken.Offset(request.PageToken);
        var page = await notifications.ListForUserAsync(userId, offset, size, context.CancellationToken);
        var response = new ListNotificationsResponse { NextPageToken = PageToken.Next(offset, size, page.Count) };
        response.Notifications.AddRange(page.Select(n => n.ToMessage()));
        return response;
    }

    [Authorize(Policy = AccessPolicies.SignedIn)]
    public override async Task<MarkReadResponse> MarkRead(MarkReadRequest request, ServerCallContext context)
    {
        var id = Guid.Parse(request.NotificationId);
        var caller = context.Caller();
        // A customer's miss is the same answer for another user's notification and for none at all.
        var notification = await notifications.MarkReadAsync(id, caller.IsAdmin ? null : caller.UserId, context.CancellationToken)
            ?? throw (caller.IsAdmin
                ? new NotFoundException($"notification {id} not found")
                : new PermissionDeniedException($"notification {id} is not one of your notifications"));
        return new MarkReadResponse { Notification = notification.ToMessage() };
    }
}
