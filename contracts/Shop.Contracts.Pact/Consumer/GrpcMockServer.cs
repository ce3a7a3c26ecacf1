using System.Buffers.Binary;
using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Shop.Contracts.Pact.Engine;

namespace Shop.Contracts.Pact.Consumer;

/// <summary>
/// A real gRPC endpoint (HTTP/2 cleartext on loopback) that answers any unary method from the
/// declared interactions. Each request is matched by the engine against the interactions for its
/// method; the first that matches (uncalled ones first) answers. Anything else gets an error status
/// and is remembered as a problem for the test.
/// </summary>
internal sealed class GrpcMockServer : IAsyncDisposable
{
    private readonly IReadOnlyList<MockInteraction> interactions;
    private readonly IMessageMatcher matcher;
    private readonly ConcurrentQueue<string> problems = new();
    private LoopbackServer? server;

    private GrpcMockServer(IReadOnlyList<MockInteraction> interactions, IMessageMatcher matcher)
    {
        this.interactions = interactions;
        this.matcher = matcher;
    }

    public Uri Address => server!.Address;

    /// <summary>Unmatched or unexpected calls, in the order they arrived.</summary>
    public IReadOnlyCollection<string> Problems => problems;

    public IReadOnlyList<MockInteraction> Interactions => interactions;

    public static async Task<GrpcMockServer> StartAsync(IReadOnlyList<MockInteraction> interactions, IMessageMatcher matcher)
    {
        var mock = new GrpcMockServer(interactions, matcher);
        mock.server = await LoopbackServer.StartAsync(HttpProtocols.Http2, app =>
            app.MapPost("/{service}/{method}", mock.HandleAsync)).ConfigureAwait(false);
        return mock;
    }

    private async Task HandleAsync(HttpContext context, string service, string method)
    {
        context.Response.ContentType = "application/grpc";
        var path = $"{service}/{method}";
        var candidates = interactions.Where(i => i.Definition.MethodPath == path).ToList();
        if (candidates.Count == 0)
        {
            var declared = string.Join(", ", interactions.Select(i => i.Definition.MethodPath).Distinct());
            Fail(context, StatusCode.Unimplemented, $"No interaction declared for {path}. Declared methods: {declared}.");
            return;
        }

        var payload = await ReadSingleMessageAsync(context.Request).ConfigureAwait(false);
        if (payload is null)
        {
            Fail(context, StatusCode.Internal, $"{path}: the request was not one uncompressed gRPC message.");
            return;
        }

        var descriptor = candidates[0].Definition.Method!.InputType;
        string actualJson;
        try
        {
            actualJson = ProtoJson.Format(descriptor.Parser.ParseFrom(payload));
        }
        catch (InvalidProtocolBufferException ex)
        {
            Fail(context, StatusCode.Internal, $"{path}: the request is not a valid {descriptor.FullName}: {ex.Message}");
            return;
        }

        var metadata = new Dictionary<string, string>
        {
            [GrpcWireKeys.Service] = service,
            [GrpcWireKeys.Method] = method,
        };
        // The headers the interactions name (credentials, say), as the consumer sent them; a missing one is a mismatch.
        foreach (var key in candidates.SelectMany(c => c.Definition.RequestMetadata.Keys).Distinct())
        {
            if (context.Request.Headers.TryGetValue(key, out var value))
            {
                metadata[key] = value.ToString();
            }
        }
        // Several interactions may accept this request (a regex on one, an exact value on another):
        // the one whose example is exactly this request wins, then one not called yet, then declaration order.
        var report = new List<string>();
        var accepted = new List<MockInteraction>();
        foreach (var candidate in candidates)
        {
            var mismatches = matcher.Mismatches(candidate.ExpectedRequestJson, actualJson, GrpcWireKeys.ContentType, metadata);
            if (mismatches.Count == 0)
            {
                accepted.Add(candidate);
            }
            else
            {
                report.Add($"  interaction '{candidate.Definition.Description}':\n" + string.Join("\n", mismatches.Select(m => "    - " + m)));
            }
        }

        var chosen = accepted
            .OrderByDescending(c => ProtoJson.Format(c.Definition.Request!.Message) == actualJson)
            .ThenBy(c => c.Calls > 0)
            .FirstOrDefault();
        if (chosen is not null)
        {
            chosen.RecordCall();
            await RespondAsync(context, chosen.Definition).ConfigureAwait(false);
            return;
        }

        Fail(context, StatusCode.FailedPrecondition,
            $"The request to {path} matched no interaction.\n  received: {actualJson}\n{string.Join("\n", report)}");
    }

    private static async Task RespondAsync(HttpContext context, GrpcInteractionDefinition interaction)
    {
        if (interaction.Response is null)
        {
            Trailers(context, interaction.Status, interaction.StatusMessage);
            return;
        }

        var body = interaction.Response.Message.ToByteArray();
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)body.Length);
        body.CopyTo(frame, 5);
        await context.Response.Body.WriteAsync(frame).ConfigureAwait(false);
        Trailers(context, StatusCode.OK, null);
    }

    private void Fail(HttpContext context, StatusCode status, string problem)
    {
        problems.Enqueue(problem);
        Trailers(context, status, problem);
    }

    private static void Trailers(HttpContext context, StatusCode status, string? message)
    {
        context.Response.AppendTrailer("grpc-status", ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (message is not null)
        {
            context.Response.AppendTrailer("grpc-message", GrpcStatusMessage.Encode(message));
        }
    }

    /// <summary>The payload of the single length-prefixed message a unary call sends, or null.</summary>
    private static async Task<byte[]?> ReadSingleMessageAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        if (bytes.Length < 5 || bytes[0] != 0)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1, 4));
        return length == bytes.Length - 5 ? bytes[5..] : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
