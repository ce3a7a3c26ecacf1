using Bunit;
using Shop.Common.V1;
using Shop.Orders.V1;
using Shop.Users.V1;
using Shop.Web.Components.Pages.Admin;
using Shop.Web.Session;

namespace Shop.Web.Tests;

[TestClass]
public sealed class SpendingTests : WebTest
{
    [TestMethod]
    public void Each_customer_is_shown_by_name_with_order_count_total_and_average()
    {
        SignInAsAda(SessionClaims.AdminRole);
        Users.Users.Add(new User { UserId = AdaId, Name = "Ada", Email = "ada@example.com" });
        var unknown = Guid.NewGuid().ToString();
        Orders.Spending.Add(new CustomerSpending
        {
            UserId = AdaId, OrderCount = 3, TotalSpent = Money.FromDecimal(299.97m, "EUR"), AverageOrderValue = Money.FromDecimal(99.99m, "EUR"),
        });
        Orders.Spending.Add(new CustomerSpending
        {
            UserId = unknown, OrderCount = 1, TotalSpent = Money.FromDecimal(24.50m, "EUR"), AverageOrderValue = Money.FromDecimal(24.50m, "EUR"),
        });

        var page = Context.Render<Spending>();

        var rows = page.FindAll("table.spending tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        CollectionAssert.AreEqual(new[] { "Ada (ada@example.com)", "3", "299.97 EUR", "99.99 EUR" }, rows[0]);
        // A customer users cannot show (deleted since) keeps their id rather than failing the page.
        CollectionAssert.AreEqual(new[] { unknown, "1", "24.50 EUR", "24.50 EUR" }, rows[1]);
    }
}
