using Grpc.Core;
using Shop.Testing;
using Shop.Users.V1;

[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]

namespace Shop.Users.Tests;

/// <summary>Base of every test class: the class's own service host, emptied before each test.</summary>
public abstract class UsersTest
{
    protected UsersFixture Fixture { get; private set; } = null!;

    protected UserService.UserServiceClient Users => new(Fixture.Host.Channel);

    protected AuthService.AuthServiceClient Auth => new(Fixture.Host.Channel);

    [TestInitialize]
    public async Task StartFromEmptyDatabase()
    {
        Fixture = await ClassFixtures<UsersFixture>.ForAsync(GetType(), UsersFixture.CreateAsync);
        await Fixture.Database.ResetAsync();
    }

    protected async Task<User> CreateUserAsync(string email = "ada@example.com", string name = "Ada Lovelace", string password = "correct horse") =>
        (await Users.CreateUserAsync(new CreateUserRequest { Email = email, Name = name, Password = password })).User;

    protected static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsExactlyAsync<RpcException>(call);
        Assert.AreEqual(code, error.StatusCode, error.Status.Detail);
        return error;
    }
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static Task DisposeHosts() => ClassFixtures<UsersFixture>.DisposeAllAsync();
}
