using System.Runtime.CompilerServices;

namespace Shop.Contracts.Pact.Tests;

/// <summary>The layer's layout (contracts/README.md, Layers): only Engine/ reaches the native library.</summary>
[TestClass]
public sealed class LayeringTests
{
    [TestMethod]
    public void Public_API_reaches_the_native_engine_only_through_the_engine_interface()
    {
        var library = Path.Combine(SourceDirectory(), "..", "Shop.Contracts.Pact");
        var offenders = Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(library, file).Replace('\\', '/'))
            .Where(file => !file.StartsWith("Interop/", StringComparison.Ordinal) &&
                           !file.StartsWith("Engine/", StringComparison.Ordinal) &&
                           !file.StartsWith("bin/", StringComparison.Ordinal) &&
                           !file.StartsWith("obj/", StringComparison.Ordinal))
            .Where(file =>
            {
                var source = File.ReadAllText(Path.Combine(library, file));
                return source.Contains("Shop.Contracts.Pact.Interop", StringComparison.Ordinal) ||
                       source.Contains("NativeInterop", StringComparison.Ordinal) ||
                       source.Contains("pactffi_", StringComparison.Ordinal);
            })
            .ToList();

        Assert.IsGreaterThan(10, Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories).Count(), "the library's sources were found");
        Assert.IsEmpty(offenders, "call the engine through Engine/IPactEngine: " + string.Join(", ", offenders));
    }

    // The tests run from the repository's build output, so this file's own path leads to the library's sources.
    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
