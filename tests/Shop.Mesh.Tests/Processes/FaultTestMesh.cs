using Shop.Build.Mesh;
using Shop.Testing.Meshes;

namespace Shop.Mesh.Tests.Processes;

/// <summary>The process mesh as the fault tests start it.</summary>
internal static class FaultTestMesh
{
    public static Task<ProcessMesh> StartAsync() => StartAsync(replicas: 1);

    /// <param name="replicas">Of orders and of notifications.</param>
    public static Task<ProcessMesh> StartAsync(int replicas) => ProcessMesh.StartAsync("mesh-logs",
        // Short breaks and backoffs, so an outage's end shows within the tests' bounds.
        service => service == MeshTopology.Users ? new Dictionary<string, string?> { ["OrderHistory:BreakDuration"] = "00:00:01" }
            : service == MeshTopology.Orders ? new Dictionary<string, string?> { ["Outbox:MaxBackoff"] = "00:00:01" }
            : new Dictionary<string, string?>(),
        // Each request's start, with its trace id: the trace test reads notifications' log.
        // (ReplicaTests count each replica's requests in them.)
        ["--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information"],
        replicas);
}
