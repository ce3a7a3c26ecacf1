using Shop.Build.Mesh;

namespace Shop.Build.Tests;

/// <summary>docker-compose.yml is not run in our CI (no Docker engine): it is held to the topology instead.</summary>
[TestClass]
public sealed class DockerComposeTests
{
    private static readonly string ComposeFile = Path.Combine(RepositoryRoot.Folder, "docker-compose.yml");

    [TestMethod]
    public void Docker_compose_wires_the_mesh_as_the_topology_declares()
    {
        var disagreements = ComposeWiring.Disagreements(File.ReadAllText(ComposeFile));

        Assert.IsEmpty(disagreements, string.Join("\n", disagreements));
    }

    [TestMethod]
    public void A_compose_file_that_wires_the_mesh_otherwise_is_reported_service_by_service()
    {
        var compose = File.ReadAllText(ComposeFile)
            .Replace("      Services__Users: http://users:8080\n", "", StringComparison.Ordinal)
            .Replace("ports: [\"5103:8080\"]", "ports: [\"5104:8080\"]", StringComparison.Ordinal)
            .Replace("Services__Orders: http://orders:8080", "Services__Orders: http://orders:80", StringComparison.Ordinal)
            .Replace("Database=shop_notifications\n", "Database=shop_orders\n      Services__Users: http://users:8080\n", StringComparison.Ordinal)
            .Replace("      Services__Notifications: http://notifications:8080\n    ports: [\"5100:8080\"]",
                "      ConnectionStrings__Web: Host=postgres;Database=shop_web\n    ports: [\"5100:8080\"]", StringComparison.Ordinal);

        var disagreements = ComposeWiring.Disagreements(compose);

        CollectionAssert.AreEquivalent(new[]
        {
            "users: Services__Orders is http://orders:80, not http://orders:8080",
            "orders: no Services__Users",
            "notifications: ports [5104:8080], not [5103:8080]",
            "notifications: ConnectionStrings__Notifications is not database shop_notifications",
            "notifications: Services__Users, but the topology has no such call",
            "web: no Services__Users",
            "web: Services__Orders is http://orders:80, not http://orders:8080",
            "web: no Services__Notifications",
            "web: ConnectionStrings__Web, but the topology gives it no such database",
        }, disagreements, string.Join("\n", disagreements));
    }

    [TestMethod]
    public void Users_believing_forwarded_addresses_from_another_than_the_web_app_is_reported()
    {
        var compose = File.ReadAllText(ComposeFile).Replace("ForwardedHeaders__KnownProxies__0: 172.28.0.10", "ForwardedHeaders__KnownProxies__0: 172.28.0.0", StringComparison.Ordinal)
            .Replace("      ConnectionStrings__Orders:", "      ForwardedHeaders__KnownProxies__0: 172.28.0.10\n      ConnectionStrings__Orders:", StringComparison.Ordinal);

        var disagreements = ComposeWiring.Disagreements(compose);

        CollectionAssert.AreEquivalent(new[]
        {
            "users: believes X-Forwarded-For from [172.28.0.0], not [172.28.0.10]",
            "orders: believes X-Forwarded-For from [172.28.0.10], not []",
        }, disagreements, string.Join("\n", disagreements));
    }

    [TestMethod]
    public void A_compose_file_without_a_service_of_the_topology_or_with_one_more_is_reported()
    {
        var compose = File.ReadAllText(ComposeFile).Replace("\n  notifications:\n", "\n  mailer:\n", StringComparison.Ordinal);

        var disagreements = ComposeWiring.Disagreements(compose);

        CollectionAssert.AreEquivalent(new[] { "mailer: not a service of the topology", "notifications: missing" }, disagreements, string.Join("\n", disagreements));
    }
}
