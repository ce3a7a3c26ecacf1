using Grpc.Net.Client;
using Shop.Contracts.Pact.Engine;

namespace Shop.Contracts.Pact.Consumer;

/// <summary>
/// A consumer's contract with one gRPC provider. Declare interactions, then run real client code
/// against a mock of the provider; when every interaction was called with a matching request, they
/// are merged into <c>&lt;consumer&gt;-&lt;provider&gt;.json</c> (Pact V4, synchronous messages, transport grpc).
/// <code>
/// var pact = Pact.V4("orders", "users", new PactConfig { PactDir = pactDir }).WithGrpcInteractions();
/// pact.UponReceiving("a request for an existing user")
///     .Given("a user exists", new { userId = UserId })
///     .WithRequest(UserService.Descriptor, new GetUserRequest { UserId = UserId })
///     .WillRespond(new { user = new { userId = UserId, email = Match.Type("ann@example.com") } });
/// await pact.VerifyAsync(async ctx =>
/// {
///     var client = new UserService.UserServiceClient(ctx.Channel);
///     var user = await new UserDirectory(client).FindAsync(UserId);   // the consumer's real code
///     Assert.AreEqual("ann@example.com", user.Email);
/// });
/// </code>
/// One instance per test (or reuse it: each <see cref="VerifyAsync"/> consumes the interactions declared before it).
/// Instances are independent, so tests may run in parallel.
/// </summary>
public sealed class GrpcPactBuilder
{
    private readonly List<GrpcInteractionDefinition> pending = [];
    private readonly Lock gate = new();
    private readonly IPactEngine engine;

    internal GrpcPactBuilder(string consumer, string provider, PactConfig config, IPactEngine engine)
    {
        Consumer = consumer;
        Provider = provider;
        PactDirectory = Path.GetFullPath(config.PactDir);
        this.engine = engine;
    }

    /// <summary>The consumer's name as it appears in the pact file.</summary>
    public string Consumer { get; }

    /// <summary>The provider's name; the provider's verifier selects pacts by it.</summary>
    public string Provider { get; }

    /// <summary>Where pact files go (<see cref="PactConfig.PactDir"/>).</summary>
    public string PactDirectory { get; }

    /// <summary>Starts an interaction; <paramref name="description"/> must be unique within the pact ("a request for an unknown user").</summary>
    public GrpcInteractionBuilder UponReceiving(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        var interaction = new GrpcInteractionDefinition(description);
        lock (gate)
        {
            if (pending.Any(i => i.Description == description))
            {
                throw new ArgumentException($"An interaction '{description}' is already declared in this test.", nameof(description));
            }

            pending.Add(interaction);
        }

        return new GrpcInteractionBuilder(interaction);
    }

    /// <summary>
    /// Serves the declared interactions from a mock gRPC server while <paramref name="consumerTest"/>
    /// runs, then checks every request matched and every interaction was called; only then merges the
    /// interactions into the pact file. Throws <see cref="PactVerificationException"/> otherwise.
    /// </summary>
    public async Task VerifyAsync(Func<GrpcPactContext, Task> consumerTest)
    {
        ArgumentNullException.ThrowIfNull(consumerTest);
        List<GrpcInteractionDefinition> interactions;
        lock (gate)
        {
            interactions = [.. pending];
            pending.Clear();
        }

        if (interactions.Count == 0)
        {
            throw new InvalidOperationException("Declare at least one interaction with UponReceiving(...) before VerifyAsync.");
        }

        var incomplete = interactions.Where(i => !i.IsComplete).Select(i => $"'{i.Description}'").ToList();
        if (incomplete.Count > 0)
        {
            throw new InvalidOperationException(
                $"Interaction(s) {string.Join(", ", incomplete)} need WithRequest(...) and WillRespond(...) or WillFail(...).");
        }

        using var pact = engine.NewV4Pact(Consumer, Provider);
        foreach (var interaction in interactions)
        {
            interaction.WriteTo(pact);
        }

        var expected = pact.ExpectedRequests();
        var mockInteractions = interactions.Select(i => new MockInteraction(i, expected[i.Description])).ToList();

        await using (var mock = await GrpcMockServer.StartAsync(mockInteractions, engine.Matcher).ConfigureAwait(false))
        {
            using var channel = GrpcChannel.ForAddress(mock.Address);
            Exception? testFailure = null;
            try
            {
                await consumerTest(new GrpcPactContext(channel, mock.Address)).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                testFailure = ex;
            }

            var problems = mock.Problems.ToList();
            problems.AddRange(mock.Interactions
                .Where(i => i.Calls == 0)
                .Select(i => $"The interaction '{i.Definition.Description}' ({i.Definition.MethodPath}) was never called."));

            if (problems.Count > 0)
            {
                throw new PactVerificationException(
                    $"The consumer test for {Consumer} -> {Provider} did not meet its pact; no pact file was written.\n" +
                    string.Join("\n", problems), testFailure);
            }

            if (testFailure is not null)
            {
                // Every call matched, so the failure is the test's own: report it as it is.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(testFailure);
            }
        }

        var wireViews = interactions.ToDictionary(i => i.Description, i => i.WireView());
        pact.WriteFile(PactDirectory, file => PactFileTransport.MarkGrpc(file, wireViews));
    }
}
