using System.Text;
using Grpc.Core;
using Shop.Testing;
using Shop.Users.V1;

namespace Shop.Users.Tests;

/// <summary>The rules declared in users.proto and auth.proto, as callers meet them.</summary>
[TestClass]
public sealed class DeclaredRulesTests : UsersTest
{
    [TestMethod]
    public async Task A_request_breaking_several_rules_names_every_field_in_the_message_and_the_details()
    {
        var error = await FailsWith(StatusCode.InvalidArgument, () => CreateUserAsync("not-an-email", "Ada\0Lovelace", "short"));

        CollectionAssert.AreEqual(new[] { "email", "name", "password" }, FieldViolations.Of(error));
        StringAssert.StartsWith(error.Status.Detail, "email: ");
        StringAssert.Contains(error.Status.Detail, "; name: ");
        StringAssert.Contains(error.Status.Detail, "; password: ");
        Assert.AreEqual(0, (await Users.ListUsersAsync(new ListUsersRequest())).Users.Count);
    }

    [TestMethod]
    [DataRow("NUL", "Ada\0Lovelace")]
    [DataRow("escape", "Ada \u001b[31mLovelace")]
    [DataRow("line feed", "Ada\nLovelace")]
    [DataRow("carriage return", "Ada\rLovelace")]
    [DataRow("tab", "Ada\tLovelace")]
    [DataRow("delete", "Ada\u007fLovelace")]
    [DataRow("C1 next line", "Ada\u0085Lovelace")]
    [DataRow("right-to-left override", "Ada\u202eLovelace")]
    [DataRow("first strong isolate", "Ada\u2068Lovelace")]
    public async Task A_name_with_a_control_or_bidi_character_is_refused_wherever_a_name_is_taken(string what, string name)
    {
        var ada = await CreateUserAsync();

        var created = await FailsWith(StatusCode.InvalidArgument, () => CreateUserAsync("grace@example.com", name));
        var registered = await FailsWith(StatusCode.InvalidArgument, async () =>
            await Auth.RegisterAsync(new RegisterRequest { Email = "grace@example.com", Name = name, Password = "correct horse" }));
        var updated = await FailsWith(StatusCode.InvalidArgument, async () =>
            await Users.UpdateUserAsync(new UpdateUserRequest { UserId = ada.UserId, Name = name }));

        foreach (var error in new[] { created, registered, updated })
        {
            CollectionAssert.AreEqual(new[] { "name" }, FieldViolations.Of(error), what);
        }
        var users = (await Users.ListUsersAsync(new ListUsersRequest())).Users;
        Assert.AreEqual("Ada Lovelace", users.Single().Name, what);
    }

    [TestMethod]
    public async Task Names_in_any_script_with_joiners_and_emoji_are_stored_exactly_as_given()
    {
        const string name = "Zoë Ünal 李雷 آیدا\u200cجان 👩\u200d💻";

        var created = await CreateUserAsync("zoe@example.com", name);

        Assert.AreEqual(name, created.Name);
        Assert.AreEqual(name, (await Users.GetUserAsync(new GetUserRequest { UserId = created.UserId })).User.Name);
    }

    [TestMethod]
    public async Task Lengths_count_characters_and_the_email_limit_is_254()
    {
        var longest = new string('a', 64) + "@" + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 61);
        Assert.AreEqual(254, longest.Length);
        await CreateUserAsync(longest, new string('é', 100));

        var error = await FailsWith(StatusCode.InvalidArgument, () => CreateUserAsync("e" + longest, new string('é', 101)));
        CollectionAssert.AreEqual(new[] { "email", "name" }, FieldViolations.Of(error));
    }

    [TestMethod]
    public async Task A_one_megabyte_id_is_refused_with_a_short_message_that_does_not_echo_it()
    {
        var huge = new string('7', 1 << 20);

        var error = await FailsWith(StatusCode.InvalidArgument, async () => await Users.GetUserAsync(new GetUserRequest { UserId = huge }));

        Assert.IsLessThan(1024, Encoding.UTF8.GetByteCount(error.Status.Detail), error.Status.Detail);
        Assert.DoesNotContain(new string('7', 65), error.Status.Detail);
        CollectionAssert.AreEqual(new[] { "user_id" }, FieldViolations.Of(error));
    }

    [TestMethod]
    public async Task An_unset_optional_field_is_not_checked_but_a_set_one_is()
    {
        var ada = await CreateUserAsync();

        var renamed = await Users.UpdateUserAsync(new UpdateUserRequest { UserId = ada.UserId, Name = "Ada King" });
        var error = await FailsWith(StatusCode.InvalidArgument, async () =>
            await Users.UpdateUserAsync(new UpdateUserRequest { UserId = ada.UserId, Email = "", Password = "" }));

        Assert.AreEqual("Ada King", renamed.User.Name);
        CollectionAssert.AreEqual(new[] { "email", "password" }, FieldViolations.Of(error));
    }
}
