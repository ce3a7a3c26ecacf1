extern alias OrdersService;

using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Npgsql;
using Shop.Common.V1;
using Shop.Orders.V1;
using Shop.Testing;
using OrdersProgram = OrdersService::Shop.Orders.Program;

namespace Shop.Orders.Tests;

/// <summary>
/// Orders as a freshly started process, where every statement is still on its way to being auto-prepared:
/// the state in which one bad call used to poison a pooled connection (issue 12). The data-level proof,
/// independent of what the API lets through, is PooledConnectionsTests in Shop.ServiceDefaults.Tests.
/// </summary>
[TestClass]
public sealed class FreshProcessTests
{
    [TestMethod]
    public async Task On_a_fresh_process_a_request_the_database_refuses_never_fails_the_next_valid_one()
    {
        await using var database = await TestDatabase.CreateAsync("shop_orders", typeof(OrdersProgram).Assembly);
        // One pooled connection, so the bad call is the fifth use of CreateProduct's INSERT on it: the use on
        // which Npgsql auto-prepares that statement.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        var logs = Directory.CreateDirectory(Path.Combine(ServiceProcess.RepositoryRoot(), ".shop", "test-results", "process-logs")).FullName;
        using var orders = ServiceProcess.Start("orders", ServiceProcess.BuiltDll("services", "Shop.Orders"), ServiceProcess.FreePort(),
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Orders"] = connectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Logging__LogLevel__Default"] = "Warning",
            },
            Path.Combine(logs, $"orders-fresh-{Environment.ProcessId}.log"));
        await orders.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        using var channel = GrpcChannel.ForAddress(orders.Address);
        await WaitUntilServingAsync(new Health.HealthClient(channel));
        var products = new ProductService.ProductServiceClient(channel);
        var preparingUse = new NpgsqlConnectionStringBuilder(connectionString).AutoPrepareMinUsages;

        var failures = new List<string>();
        for (var use = 1; use <= preparingUse + 3; use++)
        {
            var name = use == preparingUse ? "a\0b" : $"Teapot {use}";
            try
            {
                await products.CreateProductAsync(new CreateProductRequest { Name = name, Price = new Money { CurrencyCode = "EUR", Units = 9, Nanos = 990_000_000 }, Stock = 1, Category = "kitchen" });
            }
            catch (RpcException e) when (use != preparingUse)
            {
                failures.Add($"call {use}: {e.StatusCode} {e.Status.Detail}");
            }
            catch (RpcException e)
            {
                Assert.AreNotEqual(StatusCode.OK, e.StatusCode); // refused in some way: what matters is the next call
            }
        }

        Assert.IsEmpty(failures, $"valid calls failed after the bad one (see {orders.LogFile}): {string.Join("; ", failures)}");
        Assert.DoesNotContain("unexpected backend message", File.ReadAllText(orders.LogFile));
    }

    private static async Task WaitUntilServingAsync(Health.HealthClient health)
    {
        var status = await Poll.UntilAsync(async () =>
        {
            try
            {
                return (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5))).Status;
            }
            catch (RpcException)
            {
                return HealthCheckResponse.Types.ServingStatus.Unknown;
            }
        }, s => s == HealthCheckResponse.Types.ServingStatus.Serving, TimeSpan.FromSeconds(30));
        Assert.AreEqual(HealthCheckResponse.Types.ServingStatus.Serving, status);
    }
}
