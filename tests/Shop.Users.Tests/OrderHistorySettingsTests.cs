using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Errors;
using Shop.Testing;
using Shop.Users;
using OrderHistory = Shop.Users.Orders.OrderHistory;
using UsersProgram = Shop.Users.Program;

namespace Shop.Users.Tests;

/// <summary>OrderHistory settings the orders client, its retries or its circuit breaker cannot work with.</summary>
[TestClass]
public sealed class OrderHistorySettingsTests
{
    [TestMethod]
    [DataRow("OrderHistory:BreakerMinimumThroughput", "1")]
    [DataRow("OrderHistory:BreakerFailureRatio", "0")]
    [DataRow("OrderHistory:BreakDuration", "00:00:00.100")]
    [DataRow("OrderHistory:MaxAttempts", "6")]
    [DataRow("Services:Orders", "orders:5102")]
    public async Task The_users_service_does_not_start_with_a_setting_orders_calls_cannot_work_with_and_names_it(string key, string value)
    {
        // The host logs that it failed to start, which is what this test wants.
        ServerLog.Current!.ExpectErrors(e => e.Exception is OptionsValidationException);
        await using var database = await TestDatabase.CreateAsync("shop_users", typeof(UsersProgram).Assembly);
        await using var host = new GrpcServiceHost<UsersProgram>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Users"] = database.ConnectionString,
            ["Services:Orders"] = "http://127.0.0.1:9",
            [key] = value,
        });

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => host.Server);

        StringAssert.Contains(error.Message, key);
    }

    [TestMethod]
    public async Task A_setting_the_circuit_breaker_refuses_makes_a_call_unavailable_where_start_up_did_not_check_it()
    {
        // As the contract tests use it: users' registrations, a host never started.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Services:Orders"] = "http://127.0.0.1:9",
            ["OrderHistory:BreakerMinimumThroughput"] = "1",
        });
        builder.Logging.ClearProviders();
        builder.AddUserServices();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var orderHistory = scope.ServiceProvider.GetRequiredService<OrderHistory>();

        // What ErrorMappingInterceptor answers as UNAVAILABLE "Order service unavailable".
        var error = await Assert.ThrowsExactlyAsync<DependencyUnavailableException>(() => orderHistory.ListAsync(Guid.NewGuid(), CancellationToken.None));

        Assert.AreEqual(OrderHistory.Unavailable, error.Message);
    }
}
