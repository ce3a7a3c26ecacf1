using Grpc.Core;
using Shop.Users.V1;

namespace Shop.Users.Tests;

[TestClass]
public sealed class UserFlowTests : UsersTest
{
    [TestMethod]
    public async Task Create_get_update_delete_then_get_is_not_found()
    {
        var created = await CreateUserAsync("Ada@Example.com");
        Assert.IsTrue(Guid.TryParse(created.UserId, out _));
        Assert.AreEqual("ada@example.com", created.Email, "emails are stored lower-cased");

        var fetched = (await Users.GetUserAsync(new GetUserRequest { UserId = created.UserId })).User;
        Assert.AreEqual(created, fetched);

        var updated = (await Users.UpdateUserAsync(new UpdateUserRequest { UserId = created.UserId, Name = "Ada King" })).User;
        Assert.AreEqual("Ada King", updated.Name);
        Assert.AreEqual("ada@example.com", updated.Email, "fields not sent stay as they were");
        Assert.IsTrue(updated.UpdatedAt.ToDateTime() >= created.UpdatedAt.ToDateTime());

        await Users.DeleteUserAsync(new DeleteUserRequest { UserId = created.UserId });

        var error = await FailsWith(StatusCode.NotFound, async () => await Users.GetUserAsync(new GetUserRequest { UserId = created.UserId }));
        StringAssert.Contains(error.Status.Detail, created.UserId);
    }

    [TestMethod]
    public async Task UpdateUser_changes_only_the_fields_sent_and_a_new_password_works()
    {
        var user = await CreateUserAsync();
        await Users.UpdateUserAsync(new UpdateUserRequest { UserId = user.UserId, Email = "ada.k@example.com", Password = "new password!" });

        var login = await Auth.LoginAsync(new LoginRequest { Email = "ada.k@example.com", Password = "new password!" });
        Assert.AreEqual("Ada Lovelace", login.User.Name);
        await FailsWith(StatusCode.Unauthenticated, async () => await Auth.LoginAsync(new LoginRequest { Email = "ada.k@example.com", Password = "correct horse" }));
    }

    [TestMethod]
    public async Task CreateUser_with_a_taken_email_in_any_case_is_already_exists()
    {
        await CreateUserAsync("ada@example.com");
        var error = await FailsWith(StatusCode.AlreadyExists, () => CreateUserAsync("ADA@example.com", "Someone Else"));
        StringAssert.Contains(error.Status.Detail, "ada@example.com");
    }

    [TestMethod]
    public async Task UpdateUser_to_a_taken_email_is_already_exists_and_changes_nothing()
    {
        await CreateUserAsync("ada@example.com");
        var grace = await CreateUserAsync("grace@example.com", "Grace Hopper");
        await FailsWith(StatusCode.AlreadyExists, async () =>
            await Users.UpdateUserAsync(new UpdateUserRequest { UserId = grace.UserId, Email = "ada@example.com", Name = "Changed" }));

        var after = (await Users.GetUserAsync(new GetUserRequest { UserId = grace.UserId })).User;
        Assert.AreEqual(grace, after);
    }

    [TestMethod]
    [DataRow("not-an-email", "Ada", "long enough", "email")]
    [DataRow("ada@localhost", "Ada", "long enough", "email")]
    [DataRow("", "Ada", "long enough", "email")]
    [DataRow("ada@example.com", "   ", "long enough", "name")]
    [DataRow("ada@example.com", "Ada", "short", "password")]
    public async Task CreateUser_with_bad_input_is_invalid_argument_naming_the_field_and_writes_nothing(
        string email, string name, string password, string field)
    {
        var error = await FailsWith(StatusCode.InvalidArgument, () => CreateUserAsync(email, name, password));
        StringAssert.StartsWith(error.Status.Detail, field + ":");

        var all = await Users.ListUsersAsync(new ListUsersRequest());
        Assert.AreEqual(0, all.Users.Count);
    }

    [TestMethod]
    public async Task Malformed_ids_are_invalid_argument_and_unknown_ones_not_found()
    {
        var malformed = await FailsWith(StatusCode.InvalidArgument, async () => await Users.GetUserAsync(new GetUserRequest { UserId = "42" }));
        StringAssert.StartsWith(malformed.Status.Detail, "user_id:");
        await FailsWith(StatusCode.InvalidArgument, async () => await Users.DeleteUserAsync(new DeleteUserRequest()));
        await FailsWith(StatusCode.NotFound, async () => await Users.DeleteUserAsync(new DeleteUserRequest { UserId = Guid.NewGuid().ToString() }));
        await FailsWith(StatusCode.NotFound, async () => await Users.UpdateUserAsync(new UpdateUserRequest { UserId = Guid.NewGuid().ToString(), Name = "X" }));
    }

    [TestMethod]
    public async Task ListUsers_pages_through_every_user_once_in_creation_order()
    {
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await CreateUserAsync($"user{i}@example.com", $"User {i}")).UserId);
        }

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await Users.ListUsersAsync(new ListUsersRequest { PageSize = 2, PageToken = token });
            seen.AddRange(page.Users.Select(u => u.UserId));
            token = page.NextPageToken;
            pages++;
        }
        while (token != "");

        CollectionAssert.AreEqual(created, seen);
        Assert.AreEqual(3, pages);
    }

    [TestMethod]
    public async Task ListUsers_rejects_a_bad_page_size_or_token()
    {
        await FailsWith(StatusCode.InvalidArgument, async () => await Users.ListUsersAsync(new ListUsersRequest { PageSize = 101 }));
        var error = await FailsWith(StatusCode.InvalidArgument, async () => await Users.ListUsersAsync(new ListUsersRequest { PageToken = "garbage!" }));
        StringAssert.StartsWith(error.Status.Detail, "page_token:");
    }
}
