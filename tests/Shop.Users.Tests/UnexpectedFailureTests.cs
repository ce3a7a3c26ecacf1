using System.Text.RegularExpressions;
using Dapper;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shop.Testing;
using Shop.Users.V1;

namespace Shop.Users.Tests;

/// <summary>A failure no rule covers (a bug, a schema out of step): what the caller hears and what the log keeps.</summary>
[TestClass]
public sealed partial class UnexpectedFailureTests : UsersTest
{
    [TestMethod]
    public async Task An_unexpected_failure_is_INTERNAL_with_an_error_id_that_the_log_line_with_the_exception_carries()
    {
        var ada = await CreateUserAsync();
        var log = ServerLog.Current!;
        log.ExpectErrors(e => e.Exception is PostgresException);
        await ExecuteAsync("ALTER TABLE users RENAME TO users_elsewhere");
        try
        {
            var error = await FailsWith(StatusCode.Internal, async () => await Users.GetUserAsync(new GetUserRequest { UserId = ada.UserId }));

            // The id and nothing else: no SQL, table names, paths or exception types.
            var errorId = ErrorId().Match(error.Status.Detail).Groups[1].Value;
            Assert.AreEqual($"Internal error; the service logged it as error {errorId}.", error.Status.Detail);
            var logged = log.Entries.Single(r => r.Exception is not null && r.Message.Contains(errorId, StringComparison.Ordinal));
            Assert.AreEqual(LogLevel.Error, logged.Level);
            Assert.IsInstanceOfType<PostgresException>(logged.Exception);
            StringAssert.Contains(logged.Message, "/shop.users.v1.UserService/GetUser");
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE users_elsewhere RENAME TO users");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.Database.ConnectionString);
        await connection.ExecuteAsync(sql);
    }

    [GeneratedRegex("error ([0-9a-f]{12})")]
    private static partial Regex ErrorId();
}
