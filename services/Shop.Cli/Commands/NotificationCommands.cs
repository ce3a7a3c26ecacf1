using System.CommandLine;
using Shop.Notifications.V1;

namespace Shop.Cli.Commands;

internal static class NotificationCommands
{
    public static Command Create()
    {
        var userId = new Argument<string>("user-id");
        var list = new Command("list", "A user's notifications, newest first") { userId };
        list.Handle(async (parse, mesh, ct) =>
            Tables.Show((await mesh.Notifications.ListNotificationsAsync(new ListNotificationsRequest { UserId = parse.GetValue(userId)!, PageSize = 100 }, cancellationToken: ct)).Notifications));

        return new Command("notifications", "What users are told") { list };
    }
}
