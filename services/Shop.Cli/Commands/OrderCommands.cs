using System.CommandLine;
using Shop.Orders.V1;

namespace Shop.Cli.Commands;

internal static class OrderCommands
{
    public static Command Create()
    {
        var placeUser = SignedInUser.Option();
        var items = new Argument<string[]>("items") { Description = "product-id:quantity ...", Arity = ArgumentArity.OneOrMore };
        var place = new Command("place", "Place an order for the signed-in user (or --user)") { placeUser, items };
        place.Handle(async (parse, mesh, ct) =>
        {
            var request = new PlaceOrderRequest { UserId = SignedInUser.Resolve(parse.GetValue(placeUser)) };
            request.Items.AddRange(parse.GetValue(items)!.Select(ParseItem));
            var reply = await mesh.Orders.PlaceOrderAsync(request, cancellationToken: ct);
            return new CommandResult(reply, () => Tables.Show(reply.Order), reply.Order.OrderId);
        });

        var orderId = new Argument<string>("order-id");
        var amount = new Argument<string>("amount") { Description = "the order total, e.g. 199.98" };
        var method = new Option<PaymentMethod>("--method") { DefaultValueFactory = _ => PaymentMethod.Card };
        var key = new Option<string>("--idempotency-key") { Description = "repeat a payment safely; a new one by default" };
        var pay = new Command("pay", "Pay an order (exactly its total)") { orderId, amount, method, key };
        pay.Handle(async (parse, mesh, ct) =>
        {
            var reply = await mesh.Orders.PayOrderAsync(new PayOrderRequest
            {
                OrderId = parse.GetValue(orderId)!, Amount = MoneyText.Parse(parse.GetValue(amount)!),
                Method = parse.GetValue(method), IdempotencyKey = parse.GetValue(key) ?? Guid.NewGuid().ToString(),
            }, cancellationToken: ct);
            return new CommandResult(reply, () => Tables.Show(reply.Order, reply.Payment), reply.Payment.PaymentId);
        });

        var fulfilId = new Argument<string>("order-id");
        var fulfil = new Command("fulfil", "Mark a paid order fulfilled (admins)") { fulfilId };
        fulfil.Handle(async (parse, mesh, ct) =>
        {
            var reply = await mesh.Orders.FulfillOrderAsync(new FulfillOrderRequest { OrderId = parse.GetValue(fulfilId)! }, cancellationToken: ct);
            return new CommandResult(reply, () => Tables.Show(reply.Order));
        });

        var cancelId = new Argument<string>("order-id");
        var cancel = new Command("cancel", "Cancel a pending or paid order") { cancelId };
        cancel.Handle(async (parse, mesh, ct) =>
        {
            var reply = await mesh.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = parse.GetValue(cancelId)! }, cancellationToken: ct);
            return new CommandResult(reply, () => Tables.Show(reply.Order));
        });

        var getId = new Argument<string>("order-id");
        var get = new Command("get", "One order") { getId };
        get.Handle(async (parse, mesh, ct) =>
        {
            var reply = await mesh.Orders.GetOrderAsync(new GetOrderRequest { OrderId = parse.GetValue(getId)! }, cancellationToken: ct);
            return new CommandResult(reply, () => Tables.Show(reply.Order));
        });

        var listUser = SignedInUser.Option();
        var listUserId = SignedInUser.Argument();
        var list = new Command("list", "The signed-in user's orders (or --user's), newest first") { listUser, listUserId };
        list.Handle(async (parse, mesh, ct) =>
        {
            var id = SignedInUser.Resolve(parse.GetValue(listUser), parse.GetValue(listUserId));
            var reply = await mesh.Orders.ListOrdersAsync(new ListOrdersRequest { UserId = id, PageSize = 100 }, cancellationToken: ct);
            return new CommandResult(reply, () => Tables.Show(id, reply.Orders));
        });

        return new Command("orders", "Orders and payment") { place, pay, fulfil, cancel, get, list };
    }

    private static PlaceOrderItem ParseItem(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[1], out var quantity)) return new PlaceOrderItem { ProductId = parts[0], Quantity = quantity };
        // `orders place <user-id> <items>` was the old form: the user is now the signed-in one, or --user.
        var hint = Guid.TryParse(text, out _) ? " (to order for another user: --user <user-id>)" : "";
        throw new FormatException($"'{Shorten(text)}' is not product-id:quantity{hint}");
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
