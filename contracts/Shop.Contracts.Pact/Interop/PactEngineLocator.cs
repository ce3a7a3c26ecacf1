using System.Reflection;
using System.Runtime.InteropServices;

namespace Shop.Contracts.Pact.Interop;

/// <summary>
/// Finds libpact_ffi for this platform: <c>PACT_FFI_LIBRARY</c> when set, otherwise the npm package
/// <c>@pact-foundation/pact-core-&lt;platform&gt;</c> in the nearest <c>contracts/node_modules</c>
/// above the running assembly (so tests work from any bin folder of the repository).
/// </summary>
internal static class PactEngineLocator
{
    public const string LibraryName = "pact_ffi";
    private const string LibraryPathVariable = "PACT_FFI_LIBRARY";

    public static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(PactEngineLocator).Assembly, Resolve);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName)
        {
            return IntPtr.Zero;
        }

        var path = FindLibrary();
        try
        {
            return NativeLibrary.Load(path);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
        {
            throw new PactEngineNotFoundException($"The Pact engine at '{path}' could not be loaded: {ex.Message}", ex);
        }
    }

    /// <summary>The full path of the engine library, or a <see cref="PactEngineNotFoundException"/> saying how to install it.</summary>
    public static string FindLibrary()
    {
        var explicitPath = Environment.GetEnvironmentVariable(LibraryPathVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return File.Exists(explicitPath)
                ? explicitPath
                : throw new PactEngineNotFoundException($"{LibraryPathVariable} is set to '{explicitPath}', which does not exist.");
        }

        var package = PlatformPackage();
        var nodeModules = FindNodeModules();
        if (nodeModules is not null)
        {
            var prebuilds = Path.Combine(nodeModules, "@pact-foundation", package, "prebuilds");
            if (Directory.Exists(prebuilds))
            {
                var library = Directory.EnumerateFiles(prebuilds, LibraryFileName(), SearchOption.AllDirectories).FirstOrDefault();
                if (library is not null)
                {
                    return library;
                }
            }
        }

        throw new PactEngineNotFoundException(
            $"The Pact engine ({LibraryFileName()}) for {RuntimeInformation.RuntimeIdentifier} was not found. " +
            $"Install the npm package @pact-foundation/{package} with `./build.sh --target=Pact-Install` " +
            $"(runs `npm ci --prefix contracts`), or set {LibraryPathVariable} to the library's path. " +
            $"Searched for contracts/node_modules above '{AppContext.BaseDirectory}'" +
            (nodeModules is null ? " and found none." : $" and looked in '{nodeModules}'."));
    }

    private static string? FindNodeModules()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "contracts", "node_modules");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            // Running from inside contracts/ itself (e.g. contracts/Shop.Contracts.Pact.Tests/bin/...).
            if (dir.Name == "contracts" && Directory.Exists(Path.Combine(dir.FullName, "node_modules")))
            {
                return Path.Combine(dir.FullName, "node_modules");
            }
        }

        return null;
    }

    /// <summary>The npm package pact-js-core publishes for this OS, CPU and C library.</summary>
    private static string PlatformPackage()
    {
        var arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            var other => other.ToString().ToLowerInvariant(),
        };

        if (OperatingSystem.IsWindows())
        {
            return $"pact-core-windows-{arch}";
        }

        if (OperatingSystem.IsMacOS())
        {
            return $"pact-core-darwin-{arch}";
        }

        var libc = RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal) ||
                   Directory.Exists("/lib") && Directory.EnumerateFiles("/lib", "ld-musl-*").Any()
            ? "musl"
            : "glibc";
        return $"pact-core-linux-{arch}-{libc}";
    }

    private static string LibraryFileName() =>
        OperatingSystem.IsWindows() ? "pact_ffi.dll"
        : OperatingSystem.IsMacOS() ? "libpact_ffi.dylib"
        : "libpact_ffi.so";
}
