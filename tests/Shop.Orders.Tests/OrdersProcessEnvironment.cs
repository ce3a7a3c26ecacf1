using Shop.Build;
using Shop.Testing.Auth;

namespace Shop.Orders.Tests;

/// <summary>What an orders process of these tests starts with, and where its log goes.</summary>
internal static class OrdersProcessEnvironment
{
    public static readonly string Logs =
        Directory.CreateDirectory(Path.Combine(RepositoryRoot.Folder, ".shop", "test-results", "process-logs")).FullName;

    /// <summary>
    /// The run's test keys (so the tests can call as an admin), the database, and neighbours at a port nothing
    /// listens on: these tests never need users or notifications, but orders will not start without their addresses.
    /// </summary>
    public static Dictionary<string, string?> For(string connectionString)
    {
        var environment = TestKeys.Environment("orders").ToDictionary(k => k.Key, k => (string?)k.Value);
        environment["ConnectionStrings__Orders"] = connectionString;
        environment["Services__Users"] = "http://127.0.0.1:9";
        environment["Services__Notifications"] = "http://127.0.0.1:9";
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["Logging__LogLevel__Default"] = "Warning";
        return environment;
    }
}
