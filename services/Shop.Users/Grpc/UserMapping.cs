using Google.Protobuf.WellKnownTypes;
using Shop.Users.Data;
using Shop.Users.V1;

namespace Shop.Users.Grpc;

internal static class UserMapping
{
    public static User ToMessage(this UserRecord record) => new()
    {
        UserId = record.Id.ToString(),
        Email = record.Email,
        Name = record.Name,
        CreatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(record.CreatedAt, DateTimeKind.Utc)),
        UpdatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(record.UpdatedAt, DateTimeKind.Utc)),
    };
}
