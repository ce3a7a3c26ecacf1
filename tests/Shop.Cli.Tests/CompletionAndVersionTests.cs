namespace Shop.Cli.Tests;

/// <summary>shop --version, and the [suggest] directive dotnet-suggest asks for shell completion.</summary>
[TestClass]
public sealed class CompletionAndVersionTests : CliTest
{
    [TestMethod]
    public async Task Version_prints_the_assembly_version()
    {
        var run = await NewClient().RunAsync("--version");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Matches(run.Stdout.Trim(), new System.Text.RegularExpressions.Regex(@"^\d+\.\d+\.\d+"), run.ToString());
    }

    [TestMethod]
    public async Task Completion_suggests_commands_and_option_values()
    {
        var client = NewClient();

        // What the shell shim sends: the directive with the cursor position, then the line typed so far.
        var commands = await client.RunAsync("[suggest:9]", "orders pl");
        var formats = await client.RunAsync("[suggest:17]", "orders list -o ");

        CollectionAssert.AreEqual(new[] { "place" }, commands.Lines, commands.ToString());
        CollectionAssert.IsSubsetOf(new[] { "json", "table" }, formats.Lines, formats.ToString());
    }
}
