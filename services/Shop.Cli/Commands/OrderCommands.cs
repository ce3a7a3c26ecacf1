using System.CommandLine;
using Shop.Orders.V1;

namespace Shop.Cli.Commands;

internal static class OrderCommands
{
    public static Command Create()
    {
        var userId = new Argument<string>("user-id");
        var items = new Argument<string[]>("items") { Description = "product-id:quantity ...", Arity = ArgumentArity.OneOrMore };
        var place = new Command("place", "Place an order") { userId, items };
        place.Handle(async (parse, mesh, ct) =>
        {
            var request = new PlaceOrderRequest { UserId = parse.GetValue(userId)! };
            request.Items.AddRange(parse.GetValue(items)!.Select(ParseItem));
            Tables.Show([(await mesh.Orders.PlaceOrderAsync(request, cancellationToken: ct)).Order]);
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
            Tables.Show([reply.Order]);
        });

        var fulfilId = new Argument<string>("order-id");
        var fulfil = new Command("fulfil", "Mark a paid order fulfilled") { fulfilId };
        fulfil.Handle(async (parse, mesh, ct) =>
            Tables.Show([(await mesh.Orders.FulfillOrderAsync(new FulfillOrderRequest { OrderId = parse.GetValue(fulfilId)! }, cancellationToken: ct)).Order]));

        var cancelId = new Argument<string>("order-id");
        var cancel = new Command("cancel", "Cancel a pending or paid order") { cancelId };
        cancel.Handle(async (parse, mesh, ct) =>
            Tables.Show([(await mesh.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = parse.GetValue(cancelId)! }, cancellationToken: ct)).Order]));

        var getId = new Argument<string>("order-id");
        var get = new Command("get", "One order") { getId };
        get.Handle(async (parse, mesh, ct) =>
            Tables.Show([(await mesh.Orders.GetOrderAsync(new GetOrderRequest { OrderId = parse.GetValue(getId)! }, cancellationToken: ct)).Order]));

        var listUser = new Argument<string>("user-id");
        var list = new Command("list", "A user's orders, newest first") { listUser };
        list.Handle(async (parse, mesh, ct) =>
            Tables.Show((await mesh.Orders.ListOrdersAsync(new ListOrdersRequest { UserId = parse.GetValue(listUser)!, PageSize = 100 }, cancellationToken: ct)).Orders));

        return new Command("orders", "Orders and payment") { place, pay, fulfil, cancel, get, list };
    }

    private static PlaceOrderItem ParseItem(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 2 && int.TryParse(parts[1], out var quantity)
            ? new PlaceOrderItem { ProductId = parts[0], Quantity = quantity }
            : throw new FormatException($"'{text}' is not product-id:quantity");
    }
}
