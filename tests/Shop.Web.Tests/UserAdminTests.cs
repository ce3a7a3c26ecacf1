using Bunit;
using Grpc.Core;
using Shop.Users.V1;
using Shop.Web.Components.Pages.Admin;
using Shop.Web.Session;
using Shop.Web.Tests.Fakes;

namespace Shop.Web.Tests;

[TestClass]
public sealed class UserAdminTests : WebTest
{
    [TestMethod]
    public void Creating_a_user_with_the_New_User_form_ends_in_the_success_message_and_lists_them()
    {
        SignInAsAda(SessionClaims.AdminRole);
        var page = Context.Render<UserAdmin>();

        page.Find("button:contains('New User')").Click();
        page.Find("#new-email").Change("grace@example.com");
        page.Find("#new-name").Change("Grace");
        page.Find("#new-password").Change("correct horse");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.AreEqual("User grace@example.com created.", page.Find("p.success").TextContent));
        Assert.AreEqual("Grace", Users.Users.Single().Name);
        Assert.IsTrue(page.FindAll("table.users td").Any(td => td.TextContent == "grace@example.com"), "the new user is not listed");
    }

    [TestMethod]
    public void A_short_password_is_refused_in_the_form_before_any_call()
    {
        SignInAsAda(SessionClaims.AdminRole);
        var page = Context.Render<UserAdmin>();

        page.Find("button:contains('New User')").Click();
        page.Find("#new-email").Change("grace@example.com");
        page.Find("#new-name").Change("Grace");
        page.Find("#new-password").Change("short");
        page.Find("form").Submit();

        Assert.AreEqual("A password has at least 8 characters.", page.Find(".validation-message").TextContent);
        Assert.IsEmpty(Users.Users);
    }

    [TestMethod]
    public void Deleting_a_user_with_orders_is_refused_with_the_reason()
    {
        SignInAsAda(SessionClaims.AdminRole);
        Users.Users.Add(new User { UserId = AdaId, Email = "ada@example.com", Name = "Ada" });
        Users.OnDeleteUser = request => throw Calls.Failure(StatusCode.FailedPrecondition, $"user {request.UserId} has orders and cannot be deleted");
        var page = Context.Render<UserAdmin>();

        page.Find("button[aria-label='Delete ada@example.com']").Click();

        Assert.AreEqual($"ada@example.com was not deleted: User {AdaId} has orders and cannot be deleted.", page.Find("p.error").TextContent);
    }
}
