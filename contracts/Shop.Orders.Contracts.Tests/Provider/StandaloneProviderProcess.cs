using System.Diagnostics;
using System.Runtime.InteropServices;
using Shop.Contracts.Testing;

namespace Shop.Orders.Contracts.Tests.Provider;

/// <summary>
/// This test assembly run as the standalone orders provider (<c>--provider-host --port 0</c>), as
/// Pact-Provider-Host runs it: a process of its own, with its own host and database, until stopped with SIGTERM.
/// </summary>
internal sealed class StandaloneProviderProcess : IAsyncDisposable
{
    private readonly Process process;

    private StandaloneProviderProcess(Process process, int port, string command)
    {
        this.process = process;
        Port = port;
        Command = command;
    }

    public int Port { get; }

    /// <summary>The <c>pact verifier</c> command it printed.</summary>
    public string Command { get; }

    public static async Task<StandaloneProviderProcess> StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(StandaloneProviderProcess).Assembly.Location);
        start.ArgumentList.Add(StandaloneProvider.Flag);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the standalone provider.");
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var seen = new List<string>();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.Add(line);
                var at = line.IndexOf(StandaloneProvider.ServingLine, StringComparison.Ordinal);
                if (at < 0) continue;
                var port = int.Parse(line[(at + StandaloneProvider.ServingLine.Length)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                var command = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? "";
                // Keep reading, so the host's log never fills the pipe and blocks it.
                _ = process.StandardOutput.ReadToEndAsync();
                return new StandaloneProviderProcess(process, port, command);
            }
        }
        catch (OperationCanceledException)
        {
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"The standalone provider never served:\n{string.Join("\n", seen)}\n{await errors}");
    }

    public async ValueTask DisposeAsync()
    {
        // SIGTERM, as Ctrl-C or a service manager stops it: it disposes its host and drops its database.
        _ = Kill(process.Id, 15);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
