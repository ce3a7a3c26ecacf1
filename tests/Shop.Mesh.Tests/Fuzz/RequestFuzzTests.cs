using System.Text;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Shop.Build;
using Shop.Notifications.V1;
using Shop.Orders.V1;
using Shop.ServiceDefaults.Validation;
using Shop.Testing;
using Shop.Users.V1;

namespace Shop.Mesh.Tests.Fuzz;

/// <summary>
/// Every RPC of every service, fed bodies made from its request's descriptor (see <see cref="RequestBodies"/>):
/// each answer is a precise status (never UNKNOWN or INTERNAL, no hang) with a message under 1 KB, the next
/// valid call to the same service succeeds, and every service is SERVING at the end. The short run is part
/// of Test; ./build.sh --target=Fuzz --seed=N --count=N runs a long one and prints the statuses per RPC.
/// </summary>
[TestClass]
public sealed class RequestFuzzTests : MeshTest
{
    private static readonly TimeSpan CallBound = TimeSpan.FromSeconds(30);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Every_rpc_answers_hostile_bodies_with_a_precise_short_status_and_the_next_valid_call_succeeds()
    {
        var settings = FuzzSettings.FromEnvironment();
        var report = new FuzzReport(settings);
        var credentials = await FuzzCredentials.AllowedCallersAsync(new AuthService.AuthServiceClient(Mesh.Users.Channel));

        foreach (var rpc in ContractServices.Methods)
        {
            var channel = ChannelOf(rpc.Service);
            var random = settings.RandomFor(rpc.FullName);
            for (var i = 0; i < settings.CountPerRpc; i++)
            {
                var body = RequestBodies.Next(random, rpc.InputType);
                var status = await RawCall.SendAsync(channel.CreateCallInvoker(), rpc, body.Bytes, credentials.For(rpc), CallBound);
                report.Saw(rpc.FullName, status.StatusCode);
                if (status.StatusCode is StatusCode.Unknown or StatusCode.Internal or StatusCode.DeadlineExceeded)
                {
                    report.Fail(rpc.FullName, body, i, $"{status.StatusCode} \"{Shorten(status.Detail)}\"");
                }
                if (Encoding.UTF8.GetByteCount(status.Detail) >= 1024)
                {
                    report.Fail(rpc.FullName, body, i, $"a status message of {Encoding.UTF8.GetByteCount(status.Detail)} bytes");
                }
                var next = await ValidCallAsync(rpc.Service, credentials);
                if (next.StatusCode != StatusCode.OK)
                {
                    report.Fail(rpc.FullName, body, i, $"the next valid call to {rpc.Service.Name} answered {next.StatusCode} \"{Shorten(next.Detail)}\"");
                }
            }
        }
        foreach (var (name, channel) in new[] { ("users", Mesh.Users.Channel), ("orders", Mesh.Orders.Channel), ("notifications", Mesh.Notifications.Channel) })
        {
            var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.Add(CallBound));
            if (health.Status != HealthCheckResponse.Types.ServingStatus.Serving) report.Failures.Add($"{name} is {health.Status} after the run");
        }

        var table = report.Table();
        TestContext.WriteLine(table);
        if (RepositoryRoot.Find() is { } root)
        {
            Directory.CreateDirectory(Path.Combine(root, ".shop", "fuzz"));
            await File.WriteAllTextAsync(Path.Combine(root, ".shop", "fuzz", "latest.md"), table);
        }
        Assert.IsEmpty(report.Failures, table);
    }

    [TestMethod]
    public void Every_rule_declared_in_the_protos_is_one_the_services_enforce()
    {
        var validator = new RequestValidator();

        foreach (var message in ContractServices.Files.SelectMany(f => f.MessageTypes))
        {
            validator.Prepare(message);
        }
    }

    /// <summary>
    /// A call every service must answer OK at any time, reading its database, and that the signed-in customer
    /// may make under any access rules; a new service needs one here. Clients on the bare channels: the mesh's
    /// own (<see cref="MeshCalls"/>) add credentials of their own to the headers.
    /// </summary>
    private async Task<Status> ValidCallAsync(ServiceDescriptor service, FuzzCredentials credentials)
    {
        var deadline = DateTime.UtcNow.Add(CallBound);
        try
        {
            switch (service.File.Package)
            {
                case "shop.users.v1":
                    await new AuthService.AuthServiceClient(Mesh.Users.Channel).GetProfileAsync(
                        new GetProfileRequest(), credentials.For(AuthService.Descriptor.FindMethodByName("GetProfile")), deadline);
                    break;
                case "shop.orders.v1":
                    await new ProductService.ProductServiceClient(Mesh.Orders.Channel).ListProductsAsync(new ListProductsRequest { PageSize = 1 }, credentials.For(ProductService.Descriptor.FindMethodByName("ListProducts")), deadline);
                    break;
                case "shop.notifications.v1":
                    await new NotificationService.NotificationServiceClient(Mesh.Notifications.Channel).ListNotificationsAsync(new ListNotificationsRequest { UserId = credentials.UserId, PageSize = 1 },
                        credentials.For(NotificationService.Descriptor.FindMethodByName("ListNotifications")), deadline);
                    break;
                default:
                    throw new AssertFailedException($"No valid call for {service.FullName}: add one to {nameof(ValidCallAsync)}.");
            }
            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }

    private GrpcChannel ChannelOf(ServiceDescriptor service) => service.File.Package switch
    {
        "shop.users.v1" => Mesh.Users.Channel,
        "shop.orders.v1" => Mesh.Orders.Channel,
        "shop.notifications.v1" => Mesh.Notifications.Channel,
        var other => throw new AssertFailedException($"No host for package {other}: add it to {nameof(ChannelOf)}."),
    };

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
