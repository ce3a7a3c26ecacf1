// Running the test projects: all of them with the 'N passed, N failed' summary, or one category of contract tests.

/// <summary>dotnet test over the solution, built already; more arguments (filter, logger) appended.</summary>
int DotNetTestSolution(Dictionary<string, string> environment, ProcessArgumentBuilder more) =>
    StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .Append("test").AppendQuoted(solution.FullPath)
            .Append("--no-build").Append("--configuration").Append(configuration)
            .Append(more.Render()),
        EnvironmentVariables = environment,
    });

/// <summary>Every test project, TRX into .shop/test-results; prints and writes the summary, fails on any failure.</summary>
void RunAllTests()
{
    CleanDirectory(testResults);
    CleanDirectory(generatedPacts);
    var environment = MeshEnvironment();
    environment["SHOP_PACT_OUTPUT"] = ".shop/pacts";
    var exitCode = DotNetTestSolution(environment, new ProcessArgumentBuilder()
        .Append("--logger").Append("trx")
        .Append("--results-directory").AppendQuoted(testResults.FullPath));
    var summary = TrxSummary.Sum(GetFiles(testResults.FullPath + "/**/*.trx").Select(f => f.FullPath));
    Information("Test results: {0}", testResults);
    Console.WriteLine(summary);
    System.IO.File.WriteAllText(testResults.CombineWithFilePath("summary.txt").FullPath, summary + "\n");
    if (exitCode != 0 || summary.Failed > 0 || summary.Passed == 0)
    {
        throw new CakeException($"Tests failed (dotnet test exit code {exitCode}).");
    }
}

/// <summary>The contract tests of one category (PactConsumer or PactProvider) across the solution.</summary>
void ContractTests(string category, Dictionary<string, string> environment)
{
    var exitCode = DotNetTestSolution(environment, new ProcessArgumentBuilder().Append("--filter").Append($"TestCategory={category}"));
    if (exitCode != 0)
    {
        throw new CakeException($"{category} tests failed (dotnet test exit code {exitCode}).");
    }
}
