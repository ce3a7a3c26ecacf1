using Npgsql;
using Shop.Users.Data;

namespace Shop.Users.Tests;

/// <summary>The repository's SQL against the real schema, without gRPC in between.</summary>
[TestClass]
public sealed class UserRepositoryTests : UsersTest
{
    private NpgsqlDataSource dataSource = null!;
    private UserRepository repository = null!;

    [TestInitialize]
    public void OpenRepository()
    {
        dataSource = NpgsqlDataSource.Create(Fixture.Database.ConnectionString);
        repository = new UserRepository(dataSource);
    }

    [TestCleanup]
    public ValueTask CloseRepository() => dataSource.DisposeAsync();

    [TestMethod]
    public async Task Insert_then_find_by_id_and_by_email()
    {
        var id = Guid.CreateVersion7();
        var inserted = await repository.InsertAsync(id, "ada@example.com", "Ada", "hash", default);

        Assert.AreEqual(inserted, await repository.FindAsync(id, default));
        Assert.AreEqual(inserted, await repository.FindByEmailAsync("ada@example.com", default));
        Assert.IsNull(await repository.FindAsync(Guid.NewGuid(), default));
    }

    [TestMethod]
    public async Task Insert_with_a_taken_email_throws_and_keeps_the_first()
    {
        var first = await repository.InsertAsync(Guid.CreateVersion7(), "ada@example.com", "Ada", "hash", default);
        await Assert.ThrowsExactlyAsync<EmailTakenException>(() => repository.InsertAsync(Guid.CreateVersion7(), "ada@example.com", "Other", "hash2", default));

        Assert.AreEqual(first, await repository.FindByEmailAsync("ada@example.com", default));
    }

    [TestMethod]
    public async Task Update_with_null_fields_keeps_them_and_reports_a_missing_user_as_null()
    {
        var id = Guid.CreateVersion7();
        await repository.InsertAsync(id, "ada@example.com", "Ada", "hash", default);

        var updated = await repository.UpdateAsync(id, new UserChanges(null, "Ada King", null), default);
        Assert.AreEqual(("ada@example.com", "Ada King", "hash"), (updated!.Email, updated.Name, updated.PasswordHash));
        Assert.IsNull(await repository.UpdateAsync(Guid.NewGuid(), new UserChanges(null, "X", null), default));
    }

    [TestMethod]
    public async Task Delete_reports_whether_a_row_went()
    {
        var id = Guid.CreateVersion7();
        await repository.InsertAsync(id, "ada@example.com", "Ada", "hash", default);

        Assert.IsTrue(await repository.DeleteAsync(id, default));
        Assert.IsFalse(await repository.DeleteAsync(id, default));
    }

    [TestMethod]
    public async Task List_returns_pages_by_offset_in_creation_order()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await repository.InsertAsync(Guid.CreateVersion7(), $"u{i}@example.com", $"U{i}", "hash", default)).Id);
        }

        CollectionAssert.AreEqual(ids.Take(2).ToList(), (await repository.ListAsync(0, 2, default)).Select(u => u.Id).ToList());
        CollectionAssert.AreEqual(ids.Skip(2).ToList(), (await repository.ListAsync(2, 2, default)).Select(u => u.Id).ToList());
    }
}
