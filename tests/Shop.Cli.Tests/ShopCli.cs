using System.Diagnostics;
using Google.Protobuf;
using Shop.Build;
using Shop.Testing.Meshes;

namespace Shop.Cli.Tests;

/// <summary>
/// The built client, <c>dotnet Shop.Cli.dll</c>, as a person or a script at an 80-column terminal runs it:
/// pointed at the services as processes (<see cref="ProcessMesh"/>), with a configuration folder (so a stored login) of its own.
/// </summary>
public sealed class ShopCli : IDisposable
{
    private static readonly string Dll = Path.Combine(RepositoryRoot.Folder, "services", "Shop.Cli", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "Shop.Cli.dll");

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly string configHome = Directory.CreateTempSubdirectory("shop-cli-test-").FullName;

    public ProcessMesh Mesh { get; }

    public ShopCli(ProcessMesh mesh) => Mesh = mesh;

    /// <summary>The stored login, where the client keeps it (<c>$XDG_CONFIG_HOME/shop-mesh/token</c>).</summary>
    public string TokenFile => Path.Combine(configHome, "shop-mesh", "token");

    public async Task<CliRun> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["SHOP_USERS_URL"] = Mesh.Address("users").AbsoluteUri;
        start.Environment["SHOP_ORDERS_URL"] = Mesh.Address("orders").AbsoluteUri;
        start.Environment["SHOP_NOTIFICATIONS_URL"] = Mesh.Address("notifications").AbsoluteUri;
        start.Environment["XDG_CONFIG_HOME"] = configHome;
        start.Environment["COLUMNS"] = "80";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertFailedException($"shop {string.Join(' ', arguments)} did not finish within {Bound.TotalSeconds:0} s");
        }
        return new CliRun(string.Join(' ', arguments), process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs with <c>-o json</c>, requires success and silence on stderr, and parses stdout, all of it, as the response.</summary>
    public async Task<T> JsonAsync<T>(params string[] arguments) where T : IMessage<T>, new()
    {
        var run = await RunAsync([.. arguments, "-o", "json"]);
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual("", run.Stderr, run.ToString());
        return JsonParser.Default.Parse<T>(run.Stdout);
    }

    public void Dispose() => Directory.Delete(configHome, recursive: true);
}
