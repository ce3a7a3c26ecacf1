// The fuzz test of tests/Shop.Mesh.Tests/Fuzz at length: SHOP_FUZZ_SEED and SHOP_FUZZ_COUNT tell it how much.

// Runs the fuzz test with <seed> and <count> bodies per RPC and prints the statuses it saw per RPC.
void Fuzz(string seed, string count)
{
    var report = shopDir.CombineWithFilePath("fuzz/latest.md");
    if (FileExists(report)) DeleteFile(report);
    var environment = MeshEnvironment();
    environment["SHOP_FUZZ_SEED"] = seed;
    environment["SHOP_FUZZ_COUNT"] = count;
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .Append("test").AppendQuoted(root.CombineWithFilePath("tests/Shop.Mesh.Tests/Shop.Mesh.Tests.csproj").FullPath)
            .Append("--no-build").Append("--configuration").Append(configuration)
            .Append("--filter").Append("FullyQualifiedName~RequestFuzzTests.Every_rpc"),
        EnvironmentVariables = environment,
    });
    if (FileExists(report)) Console.WriteLine(System.IO.File.ReadAllText(report.FullPath));
    if (exitCode != 0)
    {
        throw new CakeException($"The fuzz run failed (seed {seed}); the failures are listed above.");
    }
}
