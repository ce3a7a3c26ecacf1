using System.CommandLine;
using Shop.Notifications.V1;

namespace Shop.Cli.Commands;

internal static class NotificationCommands
{
    public static Command Create()
    {
        var user = SignedInUser.Option();
        var userId = SignedInUser.Argument();
        var list = new Command("list", "The signed-in user's notifications (or --user's), newest first") { user, userId };
        list.Handle(async (parse, mesh, ct) =>
        {
            var id = SignedInUser.Resolve(parse.GetValue(user), parse.GetValue(userId));
            var reply = await mesh.Notifications.ListNotificationsAsync(new ListNotificationsRequest { UserId = id, PageSize = 100 }, cancellationToken: ct);
            return new CommandResult(reply, () => Tables.Show(id, reply.Notifications));
        });

        return new Command("notifications", "What users are told") { list };
    }
}
