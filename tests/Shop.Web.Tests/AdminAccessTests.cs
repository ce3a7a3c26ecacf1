using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Shop.Web.Components.Layout;
using Shop.Web.Session;

namespace Shop.Web.Tests;

/// <summary>
/// The admin pages are for admins: only they see the links, and every page under /admin requires the role
/// (the router then shows "Not allowed"; the services refuse a customer's calls anyway).
/// </summary>
[TestClass]
public sealed class AdminAccessTests : WebTest
{
    private static readonly string[] AdminLinks = ["Users", "Products", "Paid orders", "Spending"];

    [TestMethod]
    public void A_customer_sees_no_admin_links()
    {
        SignInAsAda(SessionClaims.CustomerRole);

        var menu = Context.Render<NavMenu>();

        var links = menu.FindAll("nav a").Select(a => a.TextContent).ToList();
        CollectionAssert.Contains(links, "Catalogue");
        foreach (var admin in AdminLinks) CollectionAssert.DoesNotContain(links, admin);
    }

    [TestMethod]
    public void An_admin_sees_every_admin_link()
    {
        SignInAsAda(SessionClaims.AdminRole);

        var menu = Context.Render<NavMenu>();

        CollectionAssert.IsSubsetOf(AdminLinks, menu.FindAll("nav a").Select(a => a.TextContent).ToList());
    }

    [TestMethod]
    public void Every_page_under_admin_requires_the_admin_role()
    {
        var adminPages = typeof(Program).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(RouteAttribute), false).Cast<RouteAttribute>().Any(r => r.Template.StartsWith("/admin", StringComparison.Ordinal)))
            .ToList();

        Assert.HasCount(4, adminPages);
        foreach (var page in adminPages)
        {
            var roles = page.GetCustomAttributes(typeof(AuthorizeAttribute), true).Cast<AuthorizeAttribute>().Select(a => a.Roles).ToList();
            CollectionAssert.Contains(roles, SessionClaims.AdminRole, $"{page.Name} is open to customers");
        }
    }
}
