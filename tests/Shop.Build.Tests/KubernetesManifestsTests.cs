using k8s.Models;
using Shop.Build.Mesh;

namespace Shop.Build.Tests;

/// <summary>deploy/k8s is not applied in our CI (no cluster): it is rendered, validated against the API's types and held to the topology.</summary>
[TestClass]
public sealed class KubernetesManifestsTests
{
    private static readonly Lazy<string> Rendered = new(() => KubernetesManifests.Render(KubernetesManifests.Folder));

    [TestMethod]
    public void The_manifests_render_and_every_object_is_a_valid_object_of_the_Kubernetes_API()
    {
        var objects = KubernetesManifests.Load(Rendered.Value);

        var kinds = objects.Select(o => o.GetType().Name).Distinct().Order().ToArray();
        CollectionAssert.AreEqual(new[] { "V1ConfigMap", "V1Deployment", "V1Namespace", "V1PodDisruptionBudget", "V1Service" }, kinds);
        Assert.IsTrue(objects.Cast<k8s.IKubernetesObject<V1ObjectMeta>>().Where(o => o is not V1Namespace).All(o => o.Metadata.NamespaceProperty == "shop"),
            "every object in the namespace shop");
    }

    [TestMethod]
    public void The_manifests_run_the_mesh_as_the_topology_declares()
    {
        var disagreements = KubernetesWiring.Disagreements(KubernetesManifests.Load(Rendered.Value));

        Assert.IsEmpty(disagreements, string.Join("\n", disagreements));
    }

    [TestMethod]
    public void Manifests_that_run_the_mesh_otherwise_are_reported_service_by_service()
    {
        var manifests = Rendered.Value
            .Replace("value: dns:///users-headless:8080", "value: http://users:8080", StringComparison.Ordinal)
            .Replace("service: liveness", "service: \"\"", StringComparison.Ordinal)
            .Replace("clusterIP: None", "clusterIP: \"\"", StringComparison.Ordinal)
            .Replace("replicas: 2", "replicas: 1", StringComparison.Ordinal);

        var disagreements = KubernetesWiring.Disagreements(KubernetesManifests.Load(manifests));

        foreach (var service in MeshTopology.Services)
        {
            CollectionAssert.IsSubsetOf(new[]
            {
                $"{service}: 1 replicas, not 2 or more",
                $"{service}: liveness is not grpc.health.v1's 'liveness' on 8080",
                $"{service}: no headless Service {service}-headless over its pods on 8080",
            }, disagreements, string.Join("\n", disagreements));
        }
        CollectionAssert.Contains(disagreements, "orders: Services__Users is http://users:8080, not dns:///users-headless:8080", string.Join("\n", disagreements));
    }

    [TestMethod]
    public void A_secret_written_into_a_manifest_is_reported()
    {
        var manifests = Rendered.Value.Replace(
            "- name: ConnectionStrings__Orders\n          valueFrom:\n            secretKeyRef:\n              key: orders\n              name: shop-databases",
            "- name: ConnectionStrings__Orders\n          value: Host=db;Password=hunter2", StringComparison.Ordinal);
        Assert.AreNotEqual(Rendered.Value, manifests, "the rendering changed: adjust the replacement");

        var disagreements = KubernetesWiring.Disagreements(KubernetesManifests.Load(manifests));

        CollectionAssert.Contains(disagreements, "orders: ConnectionStrings__Orders is written in the manifest, not read from a Secret", string.Join("\n", disagreements));
    }

    [TestMethod]
    public void A_field_the_API_does_not_have_fails_validation()
    {
        var manifests = Rendered.Value.Replace("  replicas: 2\n", "  replicas: 2\n  replica: 2\n", StringComparison.Ordinal);
        Assert.AreNotEqual(Rendered.Value, manifests);

        var error = Assert.Throws<Exception>(() => KubernetesManifests.Load(manifests), "an unknown field was accepted");
        StringAssert.Contains(error.ToString(), "replica", error.ToString());
    }
}
