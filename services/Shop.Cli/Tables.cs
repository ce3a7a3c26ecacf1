using Google.Protobuf.WellKnownTypes;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Users.V1;
using Spectre.Console;

namespace Shop.Cli;

/// <summary>How each kind of message is shown.</summary>
internal static class Tables
{
    public static void Show(IEnumerable<User> users) => Render(["user id", "email", "name", "created"],
        users.Select(u => new[] { u.UserId, u.Email, u.Name, Time(u.CreatedAt) }));

    public static void Show(IEnumerable<Product> products) => Render(["product id", "name", "price", "stock", "category"],
        products.Select(p => new[] { p.ProductId, p.Name, MoneyText.Format(p.Price), p.Stock.ToString(), p.Category }));

    public static void Show(IEnumerable<Order> orders) => Render(["order id", "user id", "status", "items", "total", "created"],
        orders.Select(o => new[]
        {
            o.OrderId, o.UserId, o.Status.ToString(),
            string.Join(", ", o.Items.Select(i => $"{i.Quantity} x {i.ProductName}")), MoneyText.Format(o.Total), Time(o.CreatedAt),
        }));

    public static void Show(IEnumerable<Notification> notifications) => Render(["notification id", "type", "order id", "message", "read", "created"],
        notifications.Select(n => new[] { n.NotificationId, n.Type, n.OrderId, n.Message, n.Read ? "yes" : "no", Time(n.CreatedAt) }));

    private static void Render(string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers) table.AddColumn(header);
        foreach (var row in rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        AnsiConsole.Write(table);
    }

    private static string Time(Timestamp? timestamp) => timestamp?.ToDateTime().ToString("yyyy-MM-dd HH:mm:ss'Z'") ?? "";
}
