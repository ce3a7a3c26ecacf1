using Google.Protobuf.WellKnownTypes;
using Shop.Notifications.Data;
using Shop.Notifications.V1;

namespace Shop.Notifications.Grpc;

internal static class NotificationMapping
{
    public static Notification ToMessage(this NotificationRecord record) => new()
    {
        NotificationId = record.Id.ToString(),
        UserId = record.UserId.ToString(),
        Type = record.Type,
        OrderId = record.OrderId.ToString(),
        EventId = record.EventId.ToString(),
        Message = record.Message,
        Read = record.ReadAt is not null,
        CreatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(record.CreatedAt, DateTimeKind.Utc)),
    };
}
