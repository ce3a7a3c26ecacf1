using System.Text;
using Grpc.Core;
using Shop.Users.V1;

namespace Shop.Users.Tests;

/// <summary>Status messages repeat at most 64 characters of what the caller sent, and never exceed 1 KB.</summary>
[TestClass]
public sealed class EchoedInputTests : UsersTest
{
    [TestMethod]
    public async Task A_megabyte_user_id_gets_a_short_message()
    {
        var userId = new string('7', 1024 * 1024);

        var error = await FailsWith(StatusCode.InvalidArgument, async () => await Users.GetUserAsync(new GetUserRequest { UserId = userId }));

        AssertShort(error.Status.Detail, '7');
    }

    [TestMethod]
    public async Task A_10_KB_email_gets_a_short_message()
    {
        var email = new string('a', 10 * 1024) + "@example.com";

        var error = await FailsWith(StatusCode.InvalidArgument, async () =>
            await Users.CreateUserAsync(new CreateUserRequest { Email = email, Name = "Ada", Password = "correct horse" }));

        AssertShort(error.Status.Detail, 'a');
    }

    [TestMethod]
    public async Task An_echoed_value_is_cut_to_its_first_64_characters()
    {
        // Valid, so it reaches the domain, and longer than a message repeats.
        var email = $"ada@{new string('b', 60)}.{new string('c', 60)}.example.com";
        await CreateUserAsync(email);

        var error = await FailsWith(StatusCode.AlreadyExists, async () => await CreateUserAsync(email));

        Assert.AreEqual($"email '{email[..64]}…' is already registered", error.Status.Detail);
    }

    [TestMethod]
    public async Task The_next_call_after_a_megabyte_request_succeeds_on_the_same_channel()
    {
        await FailsWith(StatusCode.InvalidArgument, async () => await Users.GetUserAsync(new GetUserRequest { UserId = new string('7', 1024 * 1024) }));

        var ada = await CreateUserAsync();

        Assert.AreEqual(ada, (await Users.GetUserAsync(new GetUserRequest { UserId = ada.UserId })).User);
    }

    private static void AssertShort(string message, char repeated)
    {
        Assert.IsLessThan(1024, Encoding.UTF8.GetByteCount(message), message);
        Assert.DoesNotContain(new string(repeated, 65), message);
    }
}
