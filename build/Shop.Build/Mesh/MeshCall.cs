namespace Shop.Build.Mesh;

/// <summary><paramref name="Caller"/> calls <paramref name="Callee"/>, at the address in the callee's <see cref="MeshService.AddressKey"/>.</summary>
/// <param name="ForwardsClientAddress">
/// The caller passes on the address of its own client (X-Forwarded-For), which the callee believes only because
/// the caller's address is among its <c>ForwardedHeaders:KnownProxies</c>: the web app signing people in through users.
/// </param>
public sealed record MeshCall(MeshService Caller, MeshService Callee, bool ForwardsClientAddress = false);
