// What the build is asked for (arguments, environment) and where things are.

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
// Run and Demo listen on the port base plus each service's offset (5101-5103), Bench 100 above (5201-5204):
// --port-base=<n> or SHOP_PORT_BASE moves them, so runs side by side do not collide.
var portBase = Argument("port-base", EnvironmentVariable<int>("SHOP_PORT_BASE", MeshTopology.DefaultPortBase));
// Run starts this many replicas of each service that scales out (orders, notifications), on their shared
// databases, each caller balancing over them: --replicas=2 gives orders 5102 and 5112, notifications 5103 and 5113.
var replicas = Argument("replicas", 1);
if (replicas < 1 || replicas > MeshTopology.MaxReplicas)
{
    throw new CakeException($"--replicas must be 1 to {MeshTopology.MaxReplicas} (their ports are {MeshTopology.ReplicaPortStep} apart below Bench's), not {replicas}.");
}

var root = MakeAbsolute(Directory("."));
var shopDir = root.Combine(".shop");
var testResults = shopDir.Combine("test-results");
var solution = root.CombineWithFilePath("Shop.sln");
// Consumer tests write pacts to $SHOP_PACT_OUTPUT; the committed, reviewed ones live in contracts/pacts.
var generatedPacts = shopDir.Combine("pacts");
var committedPacts = root.Combine("contracts/pacts");
var pactCli = root.CombineWithFilePath("contracts/node_modules/@pact-foundation/pact-cli-linux-x64/standalone/pact");

/// <summary>Runs a program; a non-zero exit fails the build with <paramref name="failure"/>.</summary>
void Execute(FilePath program, ProcessSettings settings, string failure)
{
    var exitCode = StartProcess(program, settings);
    if (exitCode != 0)
    {
        throw new CakeException($"{failure} (exit code {exitCode}).");
    }
}
