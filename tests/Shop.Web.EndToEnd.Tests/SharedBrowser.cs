using Microsoft.Playwright;
using Shop.Build;

// One browser and one mesh for the whole assembly, one test at a time (an outage test takes a service down).
[assembly: DoNotParallelize]

namespace Shop.Web.EndToEnd.Tests;

/// <summary>Debian's chromium, started once for every test, and the mesh the web app runs on.</summary>
[TestClass]
public static class SharedBrowser
{
    private static IPlaywright? Driver;

    public static IBrowser Browser { get; private set; } = null!;

    public static WebMesh Mesh { get; private set; } = null!;

    /// <summary>Failure screenshots and traces (open a trace with Playwright's trace viewer).</summary>
    public static string Results { get; } = Path.Combine(RepositoryRoot.Folder, ".shop", "test-results", "web");

    [AssemblyInitialize]
    public static async Task StartAsync(TestContext _)
    {
        var chromium = Environment.GetEnvironmentVariable("SHOP_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"No browser at {chromium}: ./build.sh --target=Test installs Debian's chromium as root " +
                "(apt-get install chromium), or set SHOP_CHROMIUM to a Chromium executable.");
        }
        Mesh = await WebMesh.StartAsync();
        Driver = await Playwright.CreateAsync();
        Browser = await Driver.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
        Directory.CreateDirectory(Results);
    }

    [AssemblyCleanup]
    public static async Task StopAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Driver?.Dispose();
        if (Mesh is not null) await Mesh.DisposeAsync();
    }
}
