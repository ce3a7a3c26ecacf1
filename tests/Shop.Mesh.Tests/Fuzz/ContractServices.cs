using Google.Protobuf.Reflection;
using Shop.Users.V1;

namespace Shop.Mesh.Tests.Fuzz;

/// <summary>Every gRPC service the protos declare, read from the compiled contracts (Shop.Protos), so a new one is fuzzed without a line here.</summary>
public static class ContractServices
{
    public static IReadOnlyList<FileDescriptor> Files { get; } = typeof(UserService).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        .Where(p => p?.PropertyType == typeof(FileDescriptor))
        .Select(p => (FileDescriptor)p!.GetValue(null)!)
        .Where(f => f.Package.StartsWith("shop.", StringComparison.Ordinal))
        .OrderBy(f => f.Name, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<MethodDescriptor> Methods { get; } =
        Files.SelectMany(f => f.Services).SelectMany(s => s.Methods).ToList();
}
