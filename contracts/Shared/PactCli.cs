using System.Diagnostics;
using Shop.Contracts.Pact.Provider;

namespace Shop.Contracts.Testing;

/// <summary>
/// The official <c>pact verifier</c> CLI (installed by Pact-Install in <c>contracts/node_modules</c>), run
/// against a provider's adapter endpoint: proof that the pacts and the adapter are plain Pact, not only ours.
/// </summary>
internal static class PactCli
{
    /// <summary>The CLI of the pinned npm package (linux-x64, as the build machines are).</summary>
    public static string Executable { get; } = Path.Combine(
        PactDirectories.RepositoryRoot, "contracts", "node_modules", "@pact-foundation", "pact-cli-linux-x64", "standalone", "pact");

    /// <summary>The CLI as a command run from the repository root.</summary>
    public static string RelativeExecutable => Path.GetRelativePath(PactDirectories.RepositoryRoot, Executable);

    /// <summary>Runs <c>pact verifier</c> on <paramref name="pactFile"/> against <paramref name="endpoint"/>; its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> VerifyAsync(ProviderEndpoint endpoint, string pactFile) =>
        VerifyAsync(endpoint.Port, pactFile);

    /// <summary>Runs <c>pact verifier</c> on <paramref name="pactFile"/> against the provider endpoint on <paramref name="port"/>.</summary>
    public static async Task<(int ExitCode, string Output)> VerifyAsync(int port, string pactFile)
    {
        if (!File.Exists(Executable))
        {
            throw new FileNotFoundException($"The pact CLI is not installed at {Executable}: run ./build.sh --target=Pact-Install.", Executable);
        }

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("verifier");
        foreach (var argument in ProviderEndpoint.VerifierArguments(port))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--no-colour");
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(pactFile);
        start.Environment["PACT_DO_NOT_TRACK"] = "true";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pact verifier did not finish within 2 minutes:\n{await output}\n{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }
}
