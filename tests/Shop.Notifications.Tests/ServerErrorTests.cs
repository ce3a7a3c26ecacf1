using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Shop.Notifications.V1;
using Shop.Testing;
using Shop.Testing.Auth;

namespace Shop.Notifications.Tests;

/// <summary>
/// Self-tests of <see cref="ServerLog"/>: an error on the server fails the test that caused it even when
/// the client got the status it expected, unless the test declared it. The server here has a deliberate
/// bug: an interceptor that throws on every call, which the service's error mapping logs as an error.
/// </summary>
[TestClass]
public sealed class ServerErrorTests : NotificationsTest
{
    [TestMethod]
    public void The_class_hosts_log_into_the_running_tests_log()
    {
        Assert.IsNotNull(ServerLog.Current);
        Assert.AreSame(ServerLog.Current, Fixture.Host.Log);
    }

    [TestMethod]
    public async Task An_unexpected_server_error_fails_the_test_even_when_the_client_saw_an_error_status()
    {
        await using var host = BuggyHost();

        await Assert.ThrowsExactlyAsync<RpcException>(async () => await ListAsync(host));

        var log = ServerLog.Current!;
        var failure = Assert.ThrowsExactly<AssertFailedException>(log.AssertNoUnexpectedErrors);
        StringAssert.Contains(failure.Message, "unexpected error(s)");
        StringAssert.Contains(failure.Message, "/shop.notifications.v1.NotificationService/ListNotifications");
        StringAssert.Contains(failure.Message, DeliberateBug.Text);
        // What the hook after this test would have failed it with; declared now, so this test passes.
        log.ExpectErrors(e => e.Exception is DeliberateBug);
    }

    [TestMethod]
    public async Task A_declared_server_error_does_not_fail_the_test_but_is_still_collected()
    {
        ServerLog.Current!.ExpectErrors(e => e.Exception is DeliberateBug);
        await using var host = BuggyHost();

        await Assert.ThrowsExactlyAsync<RpcException>(async () => await ListAsync(host));

        Assert.IsTrue(ServerLog.Current.Entries.Any(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error && e.Exception is DeliberateBug));
        Assert.IsEmpty(ServerLog.Current.UnexpectedErrors());
    }

    [TestMethod]
    public async Task A_call_that_fails_cleanly_logs_no_error()
    {
        await FailsWith(StatusCode.InvalidArgument, async () =>
            await Notifications.ListNotificationsAsync(new ListNotificationsRequest { UserId = "not-a-uuid" }));

        Assert.IsEmpty(ServerLog.Current!.UnexpectedErrors());
    }

    private GrpcServiceHost<Program> BuggyHost() => new(
        new Dictionary<string, string?> { ["ConnectionStrings:Notifications"] = Fixture.Database.ConnectionString },
        services =>
        {
            services.AddSingleton<BuggyInterceptor>();
            services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<BuggyInterceptor>());
        });

    private static async Task<ListNotificationsResponse> ListAsync(GrpcServiceHost<Program> host) =>
        await new NotificationService.NotificationServiceClient(host.Channel.As(TestTokens.Admin()))
            .ListNotificationsAsync(new ListNotificationsRequest { UserId = Guid.NewGuid().ToString() });

    private sealed class DeliberateBug() : Exception(Text)
    {
        public const string Text = "a deliberate server bug";
    }

    private sealed class BuggyInterceptor : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) => throw new DeliberateBug();
    }
}
