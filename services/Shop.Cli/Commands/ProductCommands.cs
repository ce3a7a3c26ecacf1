using System.CommandLine;
using Shop.Orders.V1;

namespace Shop.Cli.Commands;

internal static class ProductCommands
{
    public static Command Create()
    {
        var name = new Argument<string>("name");
        var price = new Argument<string>("price") { Description = "e.g. 99.99 (EUR)" };
        var stock = new Argument<int>("stock");
        var category = new Option<string>("--category") { DefaultValueFactory = _ => "general" };

        var add = new Command("add", "Add a product to the catalogue (admins)") { name, price, stock, category };
        add.Handle(async (parse, mesh, ct) =>
        {
            var reply = await mesh.Products.CreateProductAsync(new CreateProductRequest
            {
                Name = parse.GetValue(name)!, Price = MoneyText.Parse(parse.GetValue(price)!),
                Stock = parse.GetValue(stock), Category = parse.GetValue(category)!,
            }, cancellationToken: ct);
            return new CommandResult(reply, () => Tables.Show(reply.Product), reply.Product.ProductId);
        });

        var filter = new Option<string>("--category") { DefaultValueFactory = _ => "" };
        var list = new Command("list", "The catalogue") { filter };
        list.Handle(async (parse, mesh, ct) =>
        {
            var reply = await mesh.Products.ListProductsAsync(new ListProductsRequest { Category = parse.GetValue(filter)!, PageSize = 100 }, cancellationToken: ct);
            return new CommandResult(reply, () => Tables.Show(reply.Products));
        });

        return new Command("products", "The catalogue and stock") { add, list };
    }
}
