using System.Diagnostics;
using k8s;

namespace Shop.Build.Tests;

/// <summary>deploy/k8s as <c>kubectl apply -k</c> would send it: rendered by kubectl kustomize, read into the Kubernetes API's types.</summary>
public static class KubernetesManifests
{
    public static readonly string Folder = Path.Combine(RepositoryRoot.Folder, "deploy", "k8s");

    /// <summary>The manifests as kubectl kustomize renders them (kubectl is installed by .ci/run: Debian's kubernetes-client).</summary>
    public static string Render(string folder)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "kustomize", folder }) start.ArgumentList.Add(argument);
        using var kubectl = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        var output = kubectl.StandardOutput.ReadToEndAsync();
        var errors = kubectl.StandardError.ReadToEnd();
        kubectl.WaitForExit();
        return kubectl.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"kubectl kustomize {folder} failed: {errors}");
    }

    /// <summary>
    /// Each object as its API type (Deployment as V1Deployment, and so on). Strict: a field the type does not have,
    /// a value of the wrong type or an unknown kind fails, as the API server would refuse it.
    /// </summary>
    public static IReadOnlyList<object> Load(string yaml) => KubernetesYaml.LoadAllFromString(yaml, strict: true);
}
