using Google.Protobuf.WellKnownTypes;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Users.V1;
using Spectre.Console;

namespace Shop.Cli;

/// <summary>
/// How each kind of message is shown. Ids are never cut: one thing is shown as a label and a value per
/// line; a list is a table whose only id column comes first and never wraps, the other columns being short
/// enough to leave it room at 80 columns (the id of a list's user is printed once above it).
/// </summary>
internal static class Tables
{
    public static void Show(User user) => Details(
        ("user id", user.UserId), ("email", user.Email), ("name", user.Name), ("created", Time(user.CreatedAt)));

    public static void Show(Product product) => Details(
        ("product id", product.ProductId), ("name", product.Name), ("price", MoneyText.Format(product.Price)),
        ("stock", product.Stock.ToString()), ("category", product.Category), ("created", Time(product.CreatedAt)));

    public static void Show(Order order, Payment? payment = null) => Details(
        [
            ("order id", order.OrderId), ("user id", order.UserId), ("status", order.Status.ToString()),
            ("items", string.Join("\n", order.Items.Select(i => $"{i.Quantity} x {i.ProductName} at {MoneyText.Format(i.UnitPrice)}"))),
            ("total", MoneyText.Format(order.Total)), ("created", Time(order.CreatedAt)),
            .. payment is null ? [] : new[] { ("payment id", payment.PaymentId), ("paid", $"{MoneyText.Format(payment.Amount)} {Time(payment.PaidAt)}") },
        ]);

    public static void Show(IEnumerable<User> users) => List(["user id", "email", "name"],
        users.Select(u => new[] { u.UserId, u.Email, u.Name }));

    public static void Show(IEnumerable<Product> products) => List(["product id", "price", "stock", "name", "category"],
        products.Select(p => new[] { p.ProductId, MoneyText.Format(p.Price), p.Stock.ToString(), p.Name, p.Category }), unwrapped: 2);

    public static void Show(string userId, IEnumerable<Order> orders)
    {
        Console.Out.WriteLine($"orders of user {userId}");
        List(["order id", "status", "total", "items"], orders.Select(o => new[]
        {
            o.OrderId, o.Status.ToString(), MoneyText.Format(o.Total), string.Join(", ", o.Items.Select(i => $"{i.Quantity} x {i.ProductName}")),
        }), unwrapped: 3);
    }

    /// <summary>Without the notification ids and messages (the message repeats its order's id): <c>-o json</c> has them.</summary>
    public static void Show(string userId, IEnumerable<Notification> notifications)
    {
        Console.Out.WriteLine($"notifications of user {userId}");
        List(["order id", "type", "read", "created"],
            notifications.Select(n => new[] { n.OrderId, n.Type, n.Read ? "yes" : "no", Time(n.CreatedAt) }), unwrapped: 2);
    }

    private static void Details(params (string Label, string Value)[] lines)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var (label, value) in lines) grid.AddRow(Markup.Escape(label), Markup.Escape(value));
        AnsiConsole.Write(grid);
    }

    /// <param name="unwrapped">How many columns from the left (the id and other short values) never wrap.</param>
    private static void List(string[] headers, IEnumerable<string[]> rows, int unwrapped = 1)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var (header, i) in headers.Select((h, i) => (h, i))) table.AddColumn(i < unwrapped ? new TableColumn(header).NoWrap() : new TableColumn(header));
        foreach (var row in rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        AnsiConsole.Write(table);
    }

    private static string Time(Timestamp? timestamp) => timestamp?.ToDateTime().ToString("yyyy-MM-dd HH:mm:ss'Z'") ?? "";
}
