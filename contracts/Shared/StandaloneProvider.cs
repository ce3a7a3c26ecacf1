using System.Runtime.InteropServices;
using Shop.Contracts.Pact.Provider;

namespace Shop.Contracts.Testing;

/// <summary>
/// The contract test host's <see cref="Flag"/>: the provider (the real service on a database of its own,
/// with the provider states its consumers' pacts name and the credentials they show) behind the adapter as
/// a standalone HTTP endpoint, for the official <c>pact verifier</c>, until Ctrl-C or SIGTERM:
/// <c>dotnet Shop.Orders.Contracts.Tests.dll --provider-host [--port N]</c> (Cake: <c>Pact-Provider-Host</c>).
/// </summary>
internal static class StandaloneProvider
{
    public const string Flag = "--provider-host";

    /// <summary>The line it prints once it serves, naming the port (the command to run follows it).</summary>
    public const string ServingLine = "pact verifier endpoint on 127.0.0.1:";

    public static async Task<int> RunAsync<TProgram>(string[] args, Func<Task<ProviderHost<TProgram>>> create) where TProgram : class
    {
        int port;
        switch (args)
        {
            case [Flag]:
                port = 0;
                break;
            case [Flag, "--port", var text] when int.TryParse(text, out port) && port is >= 0 and <= 65535:
                break;
            default:
                await Console.Error.WriteLineAsync($"A contract test assembly: run its tests with dotnet test, or host its provider for `pact verifier` with {Flag} [--port N].");
                return 2;
        }

        // As under dotnet test: the test host finds the service's content root from the manifest next to the assembly.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        await using var provider = await create();
        await using var endpoint = await provider.Verifier().HostAsync(port);
        var stop = new TaskCompletionSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        Console.WriteLine($"{provider.Participant} provider: {ServingLine}{endpoint.Port} (Ctrl-C stops it). From the repository root:");
        Console.WriteLine($"PACT_DO_NOT_TRACK=true {PactCli.RelativeExecutable} verifier {string.Join(' ', endpoint.VerifierArguments())} " +
            $"--no-colour -d {Path.GetRelativePath(PactDirectories.RepositoryRoot, PactDirectories.Committed)} --provider-name {provider.Participant}");
        await stop.Task;
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
