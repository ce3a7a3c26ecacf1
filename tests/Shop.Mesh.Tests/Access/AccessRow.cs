using Grpc.Core;

namespace Shop.Mesh.Tests.Access;

/// <summary>One RPC of the access matrix: how to call it about a fresh owner, and the status expected per <see cref="Credential"/>.</summary>
/// <param name="Service">The gRPC service's full name, e.g. <c>shop.users.v1.UserService</c>.</param>
/// <param name="Expected">One letter per credential, in <see cref="Credential"/> order: O = OK, U = UNAUTHENTICATED, D = PERMISSION_DENIED.</param>
/// <param name="CallingService">The service that makes this call in the mesh, if any (the RightService column).</param>
public sealed record AccessRow(string Service, string Method, string Expected, string? CallingService, Func<AccessCell, Task> Call)
{
    public string Rpc => $"{Service}/{Method}";

    public StatusCode ExpectedFor(Credential credential) => Expected.Replace(" ", "", StringComparison.Ordinal)[(int)credential] switch
    {
        'O' => StatusCode.OK,
        'U' => StatusCode.Unauthenticated,
        'D' => StatusCode.PermissionDenied,
        var other => throw new InvalidOperationException($"{Rpc}: unknown expectation '{other}'"),
    };
}
