using Shop.Notifications.Data;

namespace Shop.Notifications;

internal static class NotificationServicesExtensions
{
    public static void AddNotificationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NotificationRepository>();
    }
}
