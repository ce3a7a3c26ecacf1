using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Npgsql;
using Shop.Build;
using Shop.Build.Mesh;
using Shop.Orders.V1;
using Shop.Testing;
using Shop.Testing.Auth;
using OrdersProgram = Shop.Orders.Program;

namespace Shop.Orders.Tests;

/// <summary>Orders as a freshly started process of its own, for what only a real process shows.</summary>
[TestClass]
public sealed class OrdersProcessTests
{
    /// <summary>
    /// On a fresh process every statement is still on its way to being auto-prepared: the state in which one
    /// bad call used to poison a pooled connection (issue 12). The data-level proof, independent of what the
    /// API lets through, is PooledConnectionsTests in Shop.ServiceDefaults.Tests.
    /// </summary>
    [TestMethod]
    public async Task On_a_fresh_process_a_request_the_database_refuses_never_fails_the_next_valid_one()
    {
        await using var database = await TestDatabase.CreateAsync("shop_orders", typeof(OrdersProgram).Assembly);
        // One pooled connection, so the bad call is the use of CreateProduct's INSERT on which Npgsql auto-prepares it.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        using var orders = await StartAsync((name, dll, port, environment, log) => ServiceProcess.Start(name, dll, port, environment, log), connectionString, "fresh");
        using var channel = GrpcChannel.ForAddress(orders.Address);
        var products = new ProductService.ProductServiceClient(channel.As(TestTokens.Admin()));
        var preparingUse = new NpgsqlConnectionStringBuilder(connectionString).AutoPrepareMinUsages;

        var failures = new List<string>();
        for (var use = 1; use <= preparingUse + 3; use++)
        {
            var name = use == preparingUse ? "a\0b" : $"Teapot {use}";
            try
            {
                await products.CreateProductAsync(new CreateProductRequest
                {
                    Name = name,
                    Price = Eur("9.99"),
                    Stock = 1,
                    Category = "kitchen",
                });
            }
            catch (RpcException e) when (use != preparingUse)
            {
                failures.Add($"call {use}: {e.StatusCode} {e.Status.Detail}");
            }
            catch (RpcException)
            {
                // Refused in some way: what matters is the next call.
            }
        }

        Assert.IsEmpty(failures, $"valid calls failed after the bad one (see {orders.LogFile}): {string.Join("; ", failures)}");
        Assert.DoesNotContain("unexpected backend message", await File.ReadAllTextAsync(orders.LogFile!));
    }

    /// <summary>Started from the repository root, as in issue 16, it still reads its appsettings.json (HTTP/2 only).</summary>
    [TestMethod]
    public async Task Started_from_another_working_directory_it_keeps_its_settings_and_serves_grpc()
    {
        await using var database = await TestDatabase.CreateAsync("shop_orders", typeof(OrdersProgram).Assembly);
        using var orders = await StartAsync(
            (name, dll, port, environment, log) => ServiceProcess.StartFrom(RepositoryRoot.Folder, name, dll, port, environment, log),
            database.ConnectionString, "elsewhere");
        // WaitUntilServing called Health over h2c: without appsettings.json, Kestrel would have wanted HTTP/1.1.
        using var channel = GrpcChannel.ForAddress(orders.Address);
        var listed = await new ProductService.ProductServiceClient(channel).ListProductsAsync(new ListProductsRequest());
        Assert.IsEmpty(listed.Products);
    }

    private delegate ServiceProcess Starter(string name, string dll, int port, IReadOnlyDictionary<string, string?> environment, string logFile);

    private static async Task<ServiceProcess> StartAsync(Starter start, string connectionString, string run)
    {
        var orders = start("orders", ServiceProcess.BuiltDll("services", "Shop.Orders"), LoopbackPorts.Free(),
            OrdersProcessEnvironment.For(connectionString), Path.Combine(OrdersProcessEnvironment.Logs, $"orders-{run}-{Environment.ProcessId}.log"));
        try
        {
            await orders.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
            using var channel = GrpcChannel.ForAddress(orders.Address);
            var health = new Health.HealthClient(channel);
            var status = await Poll.UntilAsync(async () =>
            {
                try
                {
                    return (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5))).Status.ToString();
                }
                catch (RpcException e)
                {
                    return $"{e.StatusCode}: {e.Status.Detail}";
                }
            }, s => s == nameof(HealthCheckResponse.Types.ServingStatus.Serving), TimeSpan.FromSeconds(30));
            Assert.AreEqual(nameof(HealthCheckResponse.Types.ServingStatus.Serving), status, $"see {orders.LogFile}");
            return orders;
        }
        catch
        {
            orders.Dispose();
            throw;
        }
    }
}
