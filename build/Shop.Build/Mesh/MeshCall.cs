namespace Shop.Build.Mesh;

/// <summary><paramref name="Caller"/> calls <paramref name="Callee"/>, at the address in the callee's <see cref="MeshService.AddressKey"/>.</summary>
public sealed record MeshCall(MeshService Caller, MeshService Callee);
