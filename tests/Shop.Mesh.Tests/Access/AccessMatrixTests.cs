using Grpc.Core;
using Grpc.Health.V1;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.Users.V1;

namespace Shop.Mesh.Tests.Access;

[TestClass]
public sealed class AccessMatrixTests : MeshTest
{
    [TestMethod]
    public void Every_rpc_of_every_service_has_a_row_in_the_access_matrix()
    {
        var served = new[] { AuthService.Descriptor, UserService.Descriptor, ProductService.Descriptor, OrderService.Descriptor, NotificationService.Descriptor }
            .SelectMany(s => s.Methods.Select(m => $"{s.FullName}/{m.Name}"))
            .Append($"{Health.Descriptor.FullName}/Check")
            .ToHashSet();
        var rows = AccessMatrix.Rows.Select(r => r.Rpc).ToList();

        CollectionAssert.AllItemsAreUnique(rows);
        Assert.AreEqual("", string.Join(", ", served.Except(rows)), "RPCs without an access rule in AccessMatrix");
        Assert.AreEqual("", string.Join(", ", rows.Except(served)), "AccessMatrix rows for RPCs that do not exist");
    }

    [TestMethod]
    public async Task Every_rpc_answers_each_kind_of_caller_as_the_access_matrix_says()
    {
        var other = await RegisterAsync();
        var admin = await RegisterAsync();
        var mismatches = new List<string>();
        foreach (var row in AccessMatrix.Rows)
        {
            // The cells of a row are independent (each has its own owner), so they run together.
            var outcomes = await Task.WhenAll(Enum.GetValues<Credential>().Select(async credential =>
            {
                var owner = await RegisterAsync();
                var actual = await StatusOfAsync(() => row.Call(new AccessCell(Mesh, row, credential, owner.Id, owner.Email, other.Id, admin.Id)));
                return (credential, actual);
            }));
            mismatches.AddRange(outcomes
                .Where(o => o.actual.StatusCode != row.ExpectedFor(o.credential))
                .Select(o => $"{row.Rpc} with {o.credential}: expected {row.ExpectedFor(o.credential)}, got {o.actual.StatusCode} ({o.actual.Detail})"));
        }
        Assert.AreEqual(0, mismatches.Count, string.Join(Environment.NewLine, mismatches));
    }

    private async Task<(Guid Id, string Email)> RegisterAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var user = (await new AuthService.AuthServiceClient(Mesh.Users.Channel).RegisterAsync(
            new RegisterRequest { Email = email, Name = "Ada Lovelace", Password = AccessCell.Password })).User;
        return (Guid.Parse(user.UserId), email);
    }

    private static async Task<Status> StatusOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }
}
