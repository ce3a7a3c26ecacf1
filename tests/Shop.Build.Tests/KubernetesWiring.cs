using k8s.Models;
using Shop.Build.Mesh;
using Shop.ServiceDefaults;

namespace Shop.Build.Tests;

/// <summary>
/// Where the rendered Kubernetes manifests (deploy/k8s) run the mesh otherwise than <see cref="MeshTopology"/> and
/// the README say: per service a Deployment of 2 or more replicas reading its database and its neighbours' addresses
/// (a headless Service's DNS name each, for client-side balancing) and its keys from Secrets, gRPC health probes,
/// resources; a headless and a ClusterIP Service and a PodDisruptionBudget over its pods. Only the gRPC services
/// (<see cref="MeshTopology.Services"/>) are deployed there; the web app is not yet.
/// </summary>
public static class KubernetesWiring
{
    /// <summary>What every service listens on inside its container (the images' ASPNETCORE_URLS).</summary>
    public const int ContainerPort = ComposeWiring.ContainerPort;

    /// <returns>One line per disagreement; none when the objects run the mesh as the topology says.</returns>
    public static List<string> Disagreements(IReadOnlyList<object> objects)
    {
        var differences = new List<string>();
        var deployments = objects.OfType<V1Deployment>().ToDictionary(d => d.Metadata.Name);
        foreach (var stray in deployments.Keys.Except(MeshTopology.Services.Select(s => s.Name)))
        {
            differences.Add($"{stray}: not one of the topology's gRPC services (the web app is not deployed here: README, Kubernetes)");
        }
        foreach (var service in MeshTopology.Services)
        {
            if (!deployments.TryGetValue(service.Name, out var deployment))
            {
                differences.Add($"{service}: no Deployment");
                continue;
            }
            differences.AddRange(Disagreements(service, deployment, objects).Select(d => $"{service}: {d}"));
        }
        return differences;
    }

    private static IEnumerable<string> Disagreements(MeshService service, V1Deployment deployment, IReadOnlyList<object> objects)
    {
        if (deployment.Spec.Replicas is not >= 2) yield return $"{deployment.Spec.Replicas} replicas, not 2 or more";
        var pods = deployment.Spec.Selector.MatchLabels ?? new Dictionary<string, string>();
        var labels = deployment.Spec.Template.Metadata?.Labels ?? new Dictionary<string, string>();
        if (pods.Count == 0 || pods.Any(p => !labels.TryGetValue(p.Key, out var value) || value != p.Value)) yield return "its selector does not select its pods";
        if (deployment.Spec.Template.Spec.Containers is not [var container])
        {
            yield return "not exactly one container";
            yield break;
        }
        if (container.Ports?.SingleOrDefault() is not { ContainerPort: ContainerPort, Name: "grpc" }) yield return $"container port is not grpc {ContainerPort}";

        var environment = (container.Env ?? []).ToDictionary(e => e.Name);
        var connection = MeshTopology.EnvironmentVariable(service.ConnectionStringKey);
        if (!environment.TryGetValue(connection, out var database)) yield return $"no {connection}";
        foreach (var secret in environment.Values.Where(e => e.Value is not null && IsSecret(e.Name)))
        {
            yield return $"{secret.Name} is written in the manifest, not read from a Secret";
        }

        var expected = MeshTopology.CalledBy(service).ToDictionary(
            callee => MeshTopology.EnvironmentVariable(callee.AddressKey), callee => $"dns:///{callee.Name}-headless:{ContainerPort}");
        var addresses = environment.Values.Where(e => e.Name.StartsWith("Services__", StringComparison.Ordinal)).ToDictionary(e => e.Name, e => e.Value);
        foreach (var (key, address) in expected)
        {
            if (!addresses.TryGetValue(key, out var actual)) yield return $"no {key}";
            else if (actual != address) yield return $"{key} is {actual}, not {address}";
        }
        foreach (var key in addresses.Keys.Except(expected.Keys)) yield return $"{key}, but the topology has no such call";

        if (container.ReadinessProbe?.Grpc is not { Port: ContainerPort, Service: null or "" }) yield return $"readiness is not grpc.health.v1 on {ContainerPort}";
        if (container.LivenessProbe?.Grpc is not { Port: ContainerPort, Service: ServiceDefaultsExtensions.LivenessService })
        {
            yield return $"liveness is not grpc.health.v1's '{ServiceDefaultsExtensions.LivenessService}' on {ContainerPort}";
        }
        var resources = container.Resources;
        foreach (var (what, amounts) in new[] { ("requests", resources?.Requests), ("limits", resources?.Limits) })
        {
            if (amounts is null || !amounts.ContainsKey("cpu") || !amounts.ContainsKey("memory")) yield return $"no cpu and memory {what}";
        }

        var services = objects.OfType<V1Service>().Where(s => Selects(s.Spec.Selector, pods)).ToList();
        if (!services.Any(s => s.Metadata.Name == $"{service.Name}-headless" && s.Spec.ClusterIP == "None" && Serves(s)))
        {
            yield return $"no headless Service {service.Name}-headless over its pods on {ContainerPort}";
        }
        if (!services.Any(s => s.Metadata.Name == service.Name && s.Spec.ClusterIP != "None" && s.Spec.Type is null or "ClusterIP" && Serves(s)))
        {
            yield return $"no ClusterIP Service {service.Name} over its pods on {ContainerPort}";
        }
        var budget = objects.OfType<V1PodDisruptionBudget>().FirstOrDefault(b => Selects(b.Spec.Selector.MatchLabels, pods));
        if (budget?.Spec.MinAvailable?.Value is not { } minimum || !int.TryParse(minimum, out var least) || least < 1 || least >= deployment.Spec.Replicas)
        {
            yield return "no PodDisruptionBudget keeping at least one pod and letting one go";
        }
    }

    // Connection strings hold passwords; signing keys are private; public keys come with them.
    private static bool IsSecret(string name) =>
        name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || name.Contains("Key", StringComparison.Ordinal) && !name.EndsWith("Id", StringComparison.Ordinal);

    private static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string> pods) =>
        selector is { Count: > 0 } && selector.Count == pods.Count && selector.All(s => pods.TryGetValue(s.Key, out var value) && value == s.Value);

    private static bool Serves(V1Service service) =>
        service.Spec.Ports?.Any(p => p.Port == ContainerPort && (p.TargetPort?.Value == "grpc" || p.TargetPort?.Value == $"{ContainerPort}")) == true;
}
