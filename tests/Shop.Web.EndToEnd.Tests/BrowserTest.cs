using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shop.Web.EndToEnd.Tests;

/// <summary>
/// Each test in a fresh browser context (no cookies), traced; when it fails, a screenshot and the trace
/// land in .shop/test-results/web.
/// </summary>
public abstract class BrowserTest
{
    protected const string Password = "correct horse";

    private IBrowserContext browserContext = null!;
    private int[] serverErrorsBefore = [];

    public TestContext TestContext { get; set; } = null!;

    protected IPage Page { get; private set; } = null!;

    protected static WebMesh Mesh => SharedBrowser.Mesh;

    [TestInitialize]
    public async Task OpenPageAsync()
    {
        browserContext = await SharedBrowser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Mesh.WebAddress.ToString() });
        await browserContext.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true });
        Page = await browserContext.NewPageAsync();
        serverErrorsBefore = Mesh.ServerErrorCounts();
    }

    [TestCleanup]
    public async Task ClosePageAsync()
    {
        if (TestContext.CurrentTestOutcome != UnitTestOutcome.Passed)
        {
            var name = Path.Combine(SharedBrowser.Results, TestContext.TestName ?? "test");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = name + ".png", FullPage = true });
            await browserContext.Tracing.StopAsync(new TracingStopOptions { Path = name + ".trace.zip" });
            TestContext.WriteLine($"Screenshot and trace: {name}.png, {name}.trace.zip");
        }
        else
        {
            await browserContext.Tracing.StopAsync();
        }
        await browserContext.DisposeAsync();
        // A server error fails the test that caused it, even when the page looked right.
        var errors = Mesh.ServerErrorsSince(serverErrorsBefore);
        Assert.IsEmpty(errors, "The servers logged errors during the test:" + string.Concat(errors.Select(e => Environment.NewLine + "  " + e)));
    }

    /// <summary>Through the sign-in form, as a person would; ends on the page the form led to.</summary>
    protected async Task SignInAsync(string email, string password = Password)
    {
        await Page.GotoAsync("account/signin");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>axe on the page as it is now: no serious or critical violation.</summary>
    protected async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.IsEmpty(severe, $"{Page.Url}: " + string.Join("; ", severe.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }
}
