// Shop mesh build: ./build.sh --target=<Target>. This file is the task graph only: what the tasks do is in
// build/*.cake and in build/Shop.Build, the compiled code the tests share (the mesh's topology, service
// processes, the private PostgreSQL cluster, test and pact checks), which build.sh builds first.

#r ".shop/build/Shop.Build.dll"
using Shop.Build.Mesh;
using Shop.Build.Pacts;
using Shop.Build.Postgres;
using Shop.Build.Results;

#load "build/parameters.cake"
#load "build/postgres.cake"
#load "build/tests.cake"
#load "build/pacts.cake"
#load "build/proto-images.cake"
#load "build/protos.cake"
#load "build/mesh.cake"
#load "build/apt.cake"
#load "build/browser.cake"
#load "build/fuzz.cake"
#load "build/format.cake"

//////////////////////////////////////////////////////////////////////
// TASKS
//////////////////////////////////////////////////////////////////////

Task("Clean")
    .Does(() =>
{
    DotNetClean(solution.FullPath, new DotNetCleanSettings { Configuration = configuration });
    CleanDirectory(testResults);
});

Task("Restore")
    .Does(() => DotNetRestore(solution.FullPath));

Task("Build")
    .IsDependentOn("Restore")
    .Does(() => DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration, NoRestore = true }));

Task("Pact-Install")
    .Description("Installs the pinned Pact engine (libpact_ffi) and CLI from npm into contracts/node_modules.")
    .Does(InstallPact);

Task("Proto-Check")
    .Description("buf lint (standard rules, protovalidate's included) and buf breaking against the main branch, for every proto.")
    .IsDependentOn("Restore")
    .Does(() => CheckProtos(Argument("proto-base", "main")));

Task("Format-Check")
    .Description("dotnet format --verify-no-changes: whitespace, using order and code style as .editorconfig says; Test runs it first.")
    .IsDependentOn("Restore")
    .Does(CheckFormat);

Task("Db-Up")
    .Description("Starts the private PostgreSQL cluster (installing the server on Debian as root if missing).")
    .Does(StartPostgres);

Task("Db-Down")
    .Description("Stops the private PostgreSQL cluster; its data stays in .shop/pg.")
    .Does(() => postgres.Stop());

Task("Browser-Install")
    .Description("Installs Debian's chromium, which the web app's browser tests drive, when it is missing (as root, apt-get).")
    .Does(() => InstallBrowserIfMissing());

Task("Test")
    .Description("Runs every test project against real PostgreSQL; ends with 'N passed, N failed'.")
    .IsDependentOn("Format-Check")
    .IsDependentOn("Build")
    .IsDependentOn("Browser-Install")
    .IsDependentOn("Pact-Install")
    .IsDependentOn("Db-Up")
    .Does(() =>
{
    RunAllTests();
    RequireCommittedPactsCurrent();
});

Task("Pact-Consumer")
    .Description("Runs the consumer contract tests and rewrites contracts/pacts from them (review and commit the result).")
    .IsDependentOn("Build")
    .IsDependentOn("Pact-Install")
    .Does(RegenerateCommittedPacts);

Task("Pact-Verify")
    .Description("Verifies every provider (real host, real PostgreSQL) against contracts/pacts, and that broken providers fail.")
    .IsDependentOn("Build")
    .IsDependentOn("Pact-Install")
    .IsDependentOn("Db-Up")
    .Does(() => ContractTests("PactProvider", MeshEnvironment()));

Task("Pact-Provider-Host")
    .Description("Hosts a provider for the official pact verifier CLI (--provider=orders|users|notifications; the real service on a database of its own, with its provider states) on 127.0.0.1:--pact-port (default the port base + 10) until Ctrl-C, printing the command that verifies it.")
    .IsDependentOn("Build")
    .IsDependentOn("Pact-Install")
    .IsDependentOn("Db-Up")
    .Does(() => HostProvider(Argument<string>("provider"), Argument("pact-port", portBase + 10)));

Task("Pact-Publish")
    .Description("Publishes contracts/pacts to the Pact Broker at $PACT_BROKER_BASE_URL (version: git sha, branch: git branch).")
    .IsDependentOn("Pact-Install")
    .Does(() =>
{
    if (BrokerConfigured("publish contracts/pacts")) PublishPacts();
});

Task("Can-I-Deploy")
    .Description("Asks the Pact Broker whether this git sha of every service can be deployed to $PACT_ENVIRONMENT (default production).")
    .IsDependentOn("Pact-Install")
    .Does(() =>
{
    var environment = EnvironmentVariable("PACT_ENVIRONMENT") ?? "production";
    if (BrokerConfigured($"ask whether this version can be deployed to '{environment}'")) CanIDeploy(environment);
});

Task("Run")
    .Description("Starts PostgreSQL, the services (ports --port-base + 1..3, default 5101-5103) and the web app (--port-base, default 5100) on loopback until Ctrl-C; --replicas=N runs N of orders and of notifications (5112, 5113...), balanced.")
    .IsDependentOn("Build")
    .IsDependentOn("Db-Up")
    .Does(() =>
{
    var mesh = StartMesh(replicas: replicas);
    Information("Call them with grpcurl -plaintext 127.0.0.1:{0} list, or the client: dotnet run --project services/Shop.Cli -- --help", MeshTopology.Users.Port(portBase));
    Information("Open {0} in a browser; to sign in as admin, register {1} there first (Auth:Admins lists it).", WebAddress(), AdminEmail);
    Information("Ctrl-C stops the services and the web app (PostgreSQL keeps running; ./build.sh --target=Db-Down stops it).");
    RunUntilStopped(mesh);
});

Task("Demo")
    .Description("Starts the mesh as processes and walks the seed scenario, with an orders outage; exit 0 only if every step behaved.")
    .IsDependentOn("Build")
    .IsDependentOn("Db-Up")
    .Does(() =>
{
    using var mesh = StartMesh(quiet: true);
    Demo(mesh);
});

Task("Fuzz")
    .Description("The descriptor-driven fuzz test at length: --count=N bodies per RPC (default 200), --seed=N (default: a new one); prints the statuses seen per RPC.")
    .IsDependentOn("Build")
    .IsDependentOn("Db-Up")
    .Does(() => Fuzz(Argument("seed", Random.Shared.Next().ToString()), Argument("count", "200")));

Task("H2Load-Install")
    .Description("Installs Debian's nghttp2-client (h2load, Bench's load generator for single RPCs) when missing (as root, apt-get).")
    .Does(() => InstallIfMissing(EnvironmentVariable("SHOP_H2LOAD") ?? "/usr/bin/h2load", "nghttp2-client", "the Bench target's load", "SHOP_H2LOAD"));

Task("Bench")
    .Description("Benchmarks the services as processes under h2load and a gRPC closed loop, each operation against its bound (a gRPC echo server and pgbench); prints the table and writes .shop/bench/latest.md.")
    .IsDependentOn("Build")
    .IsDependentOn("H2Load-Install")
    .IsDependentOn("Db-Up")
    .Does(Bench);

Task("CI")
    .Description("What CI runs: proto checks, then build and every test including contract verification.")
    .IsDependentOn("Proto-Check")
    .IsDependentOn("Test")
    .IsDependentOn("Pact-Publish")
    .IsDependentOn("Can-I-Deploy");

Task("Default")
    .IsDependentOn("Test");

RunTarget(target);
