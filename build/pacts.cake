// The Pact engine and CLI (npm, pinned in contracts/package-lock.json), the committed pacts, and the broker.

void InstallPact()
{
    var lockFile = root.CombineWithFilePath("contracts/package-lock.json");
    var marker = root.CombineWithFilePath("contracts/node_modules/.package-lock.json");
    if (FileExists(marker) && System.IO.File.GetLastWriteTimeUtc(marker.FullPath) >= System.IO.File.GetLastWriteTimeUtc(lockFile.FullPath))
    {
        return;
    }
    Execute("npm", new ProcessSettings { Arguments = "ci --prefix contracts --no-audit --no-fund --loglevel=error", WorkingDirectory = root },
        "npm ci failed: the Pact engine comes from the npm registry (packages in contracts/package.json); Node.js and npm are needed");
}

/// <summary>The consumer tests just rewrote every pact into .shop/pacts: the committed ones must say the same.</summary>
void RequireCommittedPactsCurrent()
{
    var pactChanges = PactFiles.Differences(generatedPacts.FullPath, committedPacts.FullPath);
    if (pactChanges.Count > 0)
    {
        Error("{0}", string.Join("\n", pactChanges.Select(c => "  " + c)));
        throw new CakeException("pacts changed: run ./build.sh --target=Pact-Consumer and commit contracts/pacts");
    }
}

/// <summary>Rewrites contracts/pacts from the consumer tests.</summary>
void RegenerateCommittedPacts()
{
    EnsureDirectoryExists(committedPacts);
    DeleteFiles(committedPacts.FullPath + "/*.json");
    var environment = MeshEnvironment();
    environment["SHOP_PACT_OUTPUT"] = "contracts/pacts";
    ContractTests("PactConsumer", environment);
    Information("Pacts written to {0}: {1}", committedPacts, string.Join(", ", GetFiles(committedPacts.FullPath + "/*.json").Select(f => f.GetFilename().ToString())));
}

/// <summary>
/// Runs a provider's contract test assembly with --provider-host: the provider behind the pact adapter as a
/// standalone endpoint for `pact verifier`, until Ctrl-C (the assembly prints the command to run).
/// </summary>
void HostProvider(string provider, int port)
{
    var project = provider switch
    {
        "orders" => "Shop.Orders.Contracts.Tests",
        "users" => "Shop.Users.Contracts.Tests",
        "notifications" => "Shop.Notifications.Contracts.Tests",
        _ => throw new CakeException($"--provider={provider}: a provider is orders, users or notifications."),
    };
    var assembly = root.CombineWithFilePath($"contracts/{project}/bin/{configuration}/net10.0/{project}.dll");
    Execute("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().AppendQuoted(assembly.FullPath).Append("--provider-host").Append("--port").Append(port.ToString()),
        WorkingDirectory = root,
        EnvironmentVariables = MeshEnvironment(),
    }, $"the {provider} provider host failed");
}

// The broker commands need PACT_BROKER_BASE_URL (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and
// PACT_BROKER_PASSWORD, which the CLI reads itself); without it they say so and succeed.
bool BrokerConfigured(string purpose)
{
    if (!string.IsNullOrEmpty(EnvironmentVariable("PACT_BROKER_BASE_URL"))) return true;
    Information("Skipped: to {0}, set PACT_BROKER_BASE_URL and either PACT_BROKER_TOKEN or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD (version {1}, branch {2}).",
        purpose, GitCommit(), GitBranch());
    return false;
}

void PactBroker(ProcessArgumentBuilder arguments)
{
    if (!FileExists(pactCli))
    {
        throw new CakeException($"The pact CLI is missing at {pactCli}: run ./build.sh --target=Pact-Install (npm package @pact-foundation/pact-cli-linux-x64).");
    }
    Execute(pactCli, new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().Append("broker").Append(arguments.Render()),
        EnvironmentVariables = new Dictionary<string, string> { ["PACT_DO_NOT_TRACK"] = "true" },
    }, $"pact broker {arguments.Render()} failed");
}

void PublishPacts() => PactBroker(new ProcessArgumentBuilder()
    .Append("publish").AppendQuoted(committedPacts.FullPath)
    .Append("--consumer-app-version").AppendQuoted(GitCommit())
    .Append("--branch").AppendQuoted(GitBranch()));

/// <summary>Asks the broker whether this git sha of every service can be deployed to <paramref name="environment"/>.</summary>
void CanIDeploy(string environment)
{
    foreach (var service in MeshTopology.Services)
    {
        PactBroker(new ProcessArgumentBuilder()
            .Append("can-i-deploy")
            .Append("--pacticipant").AppendQuoted(service.Name).Append("--version").AppendQuoted(GitCommit())
            .Append("--to-environment").AppendQuoted(environment));
    }
}

string Git(string arguments)
{
    var exitCode = StartProcess("git", new ProcessSettings { Arguments = arguments, WorkingDirectory = root, RedirectStandardOutput = true }, out var output);
    return exitCode == 0 ? output.FirstOrDefault()?.Trim() ?? "" : "";
}

// The version a pact or verification belongs to: the commit it was built from.
string GitCommit() => Git("rev-parse HEAD") is { Length: > 0 } sha ? sha : "unknown";

// CI checkouts are often detached: prefer the branch the CI names.
string GitBranch() =>
    new[] { EnvironmentVariable("GITHUB_HEAD_REF"), EnvironmentVariable("GITHUB_REF_NAME"), Git("rev-parse --abbrev-ref HEAD") }
        .FirstOrDefault(b => !string.IsNullOrEmpty(b) && b != "HEAD") ?? "unknown";
