using Shop.Build.Mesh;
using YamlDotNet.RepresentationModel;

namespace Shop.Build.Tests;

/// <summary>
/// Where a docker-compose file wires the mesh otherwise than <see cref="MeshTopology"/>: each service and
/// the web app built from its own project, published on its Run port, reading its database (if it has one)
/// from its connection string and each neighbour it calls (and only those) at the neighbour's compose host name.
/// </summary>
public static class ComposeWiring
{
    /// <summary>What every service listens on inside its container (ASP.NET Core's default).</summary>
    public const int ContainerPort = 8080;

    /// <returns>One line per disagreement; none when the file wires the mesh as the topology says.</returns>
    public static List<string> Disagreements(string composeYaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(composeYaml));
        var services = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["services"];
        var differences = new List<string>();
        var declared = services.Children.Keys.Select(k => k.ToString()).Where(name => name != "postgres").ToHashSet();
        foreach (var stray in declared.Except(MeshTopology.All.Select(s => s.Name)))
        {
            differences.Add($"{stray}: not a service of the topology");
        }
        foreach (var service in MeshTopology.All)
        {
            if (!declared.Contains(service.Name))
            {
                differences.Add($"{service}: missing");
                continue;
            }
            differences.AddRange(Disagreements(service, (YamlMappingNode)services[service.Name]).Select(d => $"{service}: {d}"));
            differences.AddRange(ProxyDisagreements(service, services).Select(d => $"{service}: {d}"));
        }
        return differences;
    }

    private static IEnumerable<string> Disagreements(MeshService service, YamlMappingNode compose)
    {
        var dockerfile = Scalar(compose, "build", "dockerfile");
        if (dockerfile != $"services/{service.Project}/Dockerfile") yield return $"built from {dockerfile}, not services/{service.Project}/Dockerfile";

        var ports = Sequence(compose, "ports");
        var published = $"{service.Port(MeshTopology.DefaultPortBase)}:{ContainerPort}";
        if (ports.Count != 1 || ports[0] != published) yield return $"ports [{string.Join(", ", ports)}], not [{published}]";

        var environment = Environment(compose);
        var connections = environment.Keys.Where(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList();
        if (service.HasDatabase)
        {
            var connectionKey = MeshTopology.EnvironmentVariable(service.ConnectionStringKey);
            if (!environment.TryGetValue(connectionKey, out var connection)) yield return $"no {connectionKey}";
            else if (!connection.Split(';').Contains($"Database={service.Database}")) yield return $"{connectionKey} is not database {service.Database}";
            connections.Remove(connectionKey);
        }
        foreach (var key in connections) yield return $"{key}, but the topology gives it no such database";

        var expected = MeshTopology.CalledBy(service)
            .ToDictionary(callee => MeshTopology.EnvironmentVariable(callee.AddressKey), callee => $"http://{callee.Name}:{ContainerPort}");
        var addresses = environment.Where(e => e.Key.StartsWith("Services__", StringComparison.Ordinal)).ToDictionary();
        foreach (var (key, address) in expected)
        {
            if (!addresses.TryGetValue(key, out var actual)) yield return $"no {key}";
            else if (actual != address) yield return $"{key} is {actual}, not {address}";
        }
        foreach (var key in addresses.Keys.Except(expected.Keys)) yield return $"{key}, but the topology has no such call";

        // The gRPC services probe their own grpc.health.v1 (the web app has none: its callees' health is what it waits for).
        var probe = Sequence(compose, "healthcheck", "test");
        if (MeshTopology.Services.Contains(service) && !probe.Contains($"{service.Project}.dll")) yield return $"health check runs [{string.Join(" ", probe)}], not {service.Project}.dll";
    }

    /// <summary>
    /// A service believes X-Forwarded-For from exactly the fixed addresses of the callers the topology says forward
    /// their clients' addresses to it (users from the web app), and nobody else's.
    /// </summary>
    private static IEnumerable<string> ProxyDisagreements(MeshService service, YamlMappingNode services)
    {
        var expected = MeshTopology.ClientAddressForwardersTo(service)
            .Select(caller => services.Children.TryGetValue(caller.Name, out var node)
                ? Scalar((YamlMappingNode)node, "networks", "default", "ipv4_address") ?? $"(no fixed address of {caller})"
                : $"(no {caller})")
            .Order().ToList();
        var environment = Environment((YamlMappingNode)services[service.Name]);
        var proxyKey = MeshTopology.EnvironmentVariable(MeshTopology.KnownProxyKey(0))[..^1];
        var actual = environment.Where(e => e.Key.StartsWith(proxyKey, StringComparison.Ordinal)).Select(e => e.Value).Order().ToList();
        if (!expected.SequenceEqual(actual)) yield return $"believes X-Forwarded-For from [{string.Join(", ", actual)}], not [{string.Join(", ", expected)}]";
    }

    private static Dictionary<string, string> Environment(YamlMappingNode compose) =>
        compose.Children.TryGetValue("environment", out var node) && node is YamlMappingNode map
            ? map.Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString())
            : [];

    private static string? Scalar(YamlMappingNode node, params string[] path) => Find(node, path) is YamlScalarNode scalar ? scalar.Value : null;

    private static List<string> Sequence(YamlMappingNode node, params string[] path) =>
        Find(node, path) is YamlSequenceNode sequence ? [.. sequence.Children.Select(c => c.ToString())] : [];

    private static YamlNode? Find(YamlMappingNode node, string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
        {
            current = current is YamlMappingNode map && map.Children.TryGetValue(key, out var child) ? child : null;
        }
        return current;
    }
}
