using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Shop.Contracts.Pact.Provider;

/// <summary>
/// The HTTP endpoint the engine's verifier talks to. It turns each pact request into a real gRPC
/// call on the provider (found by the <c>grpc-service</c>/<c>grpc-method</c> metadata) and answers
/// 200 with the response's proto JSON and its status in <c>Pact-Message-Metadata</c>; it also runs
/// provider-state changes. Errors travel as metadata because a non-2xx is a transport failure. The
/// request's metadata (credentials, say) goes with the call as gRPC headers, custom headers putting
/// real values in place of the pact's examples.
/// </summary>
internal sealed class ProviderAdapter : IAsyncDisposable
{
    public const string MessagesPath = "/pact/messages";
    public const string StatesPath = "/pact/provider-states";

    private readonly CallInvoker provider;
    private readonly IReadOnlyDictionary<string, ServiceDescriptor> services;
    private readonly ProviderStateHandler? setUp;
    private readonly ProviderStateHandler? tearDown;
    private readonly ProviderStateValues? values;
    private readonly TimeSpan callTimeout;
    private readonly IReadOnlyDictionary<string, Func<ProviderRequest, string>> customHeaders;
    // What the states of the interaction being verified gave: the verifier sets up, calls, tears down, one interaction at a time.
    private readonly Dictionary<string, string> stateValues = new(StringComparer.Ordinal);
    private readonly Lock stateValuesGate = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> stateFailures = new();
    private LoopbackServer? server;

    private ProviderAdapter(
        CallInvoker provider,
        IEnumerable<ServiceDescriptor> services,
        ProviderStateHandler? setUp,
        ProviderStateHandler? tearDown,
        ProviderStateValues? values,
        TimeSpan callTimeout,
        IReadOnlyDictionary<string, Func<ProviderRequest, string>> customHeaders)
    {
        this.provider = provider;
        this.customHeaders = customHeaders;
        this.values = values;
        this.services = services.ToDictionary(s => s.FullName);
        this.setUp = setUp;
        this.tearDown = tearDown;
        this.callTimeout = callTimeout;
    }

    public int Port => server!.Port;

    /// <summary>Why provider-state changes failed, in the order they did.</summary>
    public IEnumerable<string> StateFailures => stateFailures;

    public Uri StatesUrl => new(server!.Address, StatesPath);

    public static async Task<ProviderAdapter> StartAsync(
        CallInvoker provider,
        IEnumerable<ServiceDescriptor> services,
        ProviderStateHandler? setUp,
        ProviderStateHandler? tearDown,
        ProviderStateValues? values,
        TimeSpan callTimeout,
        IReadOnlyDictionary<string, Func<ProviderRequest, string>> customHeaders,
        int port = 0)
    {
        var adapter = new ProviderAdapter(provider, services, setUp, tearDown, values, callTimeout, customHeaders);
        adapter.server = await LoopbackServer.StartAsync(HttpProtocols.Http1, app =>
        {
            app.MapPost(MessagesPath, adapter.HandleMessageAsync);
            app.MapPost(StatesPath, adapter.HandleStateAsync);
        }, port).ConfigureAwait(false);
        return adapter;
    }

    private async Task HandleMessageAsync(HttpContext context)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
        var request = document.RootElement.TryGetProperty("request", out var r) ? r : default;
        var metadata = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("metadata", out var m) ? m : default;
        var serviceName = Text(metadata, GrpcWireKeys.Service);
        var methodName = Text(metadata, GrpcWireKeys.Method);

        var (status, detail, response) = await CallProviderAsync(serviceName, methodName, request, document.RootElement).ConfigureAwait(false);

        var responseMetadata = new JsonObject { [GrpcWireKeys.Status] = GrpcStatusNames.Of(status) };
        if (status != StatusCode.OK)
        {
            responseMetadata[GrpcWireKeys.StatusMessage] = detail;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = GrpcWireKeys.ContentType;
        context.Response.Headers[GrpcWireKeys.MetadataHeader] =
            Convert.ToBase64String(Encoding.UTF8.GetBytes(responseMetadata.ToJsonString()));
        if (response is not null)
        {
            await context.Response.WriteAsync(ProtoJson.Format(response)).ConfigureAwait(false);
        }
    }

    private async Task<(StatusCode Status, string Detail, IMessage? Response)> CallProviderAsync(
        string? serviceName, string? methodName, JsonElement request, JsonElement interaction)
    {
        if (serviceName is null || methodName is null)
        {
            return (StatusCode.Unimplemented, "The pact interaction names no grpc-service/grpc-method; it was not recorded by Shop.Contracts.Pact.", null);
        }

        if (!services.TryGetValue(serviceName, out var service))
        {
            return (StatusCode.Unimplemented,
                $"The provider does not serve {serviceName} (it serves {string.Join(", ", services.Keys)}).", null);
        }

        var method = service.FindMethodByName(methodName);
        if (method is null)
        {
            return (StatusCode.Unimplemented, $"{serviceName} has no method {methodName}.", null);
        }

        IMessage message;
        try
        {
            Dictionary<string, string> values;
            lock (stateValuesGate)
            {
                values = new(stateValues, StringComparer.Ordinal);
            }

            message = ProtoJson.Parse(ProviderStateInjection.Apply(RequestJson(request), request, values), method.InputType);
        }
        catch (InvalidProtocolBufferException ex)
        {
            return (StatusCode.InvalidArgument,
                $"The pact's request does not fit the provider's {method.InputType.FullName}: {ex.Message}", null);
        }
        catch (KeyNotFoundException ex)
        {
            return (StatusCode.FailedPrecondition, ex.Message, null);
        }

        Metadata headers;
        try
        {
            headers = Headers(request, interaction);
        }
        catch (Exception ex)
        {
            return (StatusCode.FailedPrecondition, $"A custom header failed: {ex.Message}", null);
        }

        try
        {
            var response = await provider.AsyncUnaryCall(
                UntypedMethod.For(method), null, new CallOptions(headers, DateTime.UtcNow + callTimeout), message).ConfigureAwait(false);
            return (StatusCode.OK, string.Empty, response);
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode, ex.Status.Detail, null);
        }
    }

    /// <summary>
    /// The gRPC headers of the call: the request metadata the consumer recorded (other than how the call is
    /// addressed), each with a custom header's value in place of the example where one is configured. A
    /// custom header is never added to a request that does not carry it: an interaction recorded without
    /// credentials (a refused anonymous call) is replayed without them, as Pact's request filters do.
    /// </summary>
    private Metadata Headers(JsonElement request, JsonElement interaction)
    {
        var headers = new Metadata();
        if (!request.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            return headers;
        }

        ProviderRequest? replayed = null;
        foreach (var entry in metadata.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String || !IsForwarded(entry.Name))
            {
                continue;
            }

            var value = entry.Value.GetString()!;
            if (customHeaders.TryGetValue(entry.Name, out var custom))
            {
                value = custom(replayed ??= Replayed(interaction));
            }

            headers.Add(entry.Name, value);
        }

        return headers;
    }

    // Text headers a client may send: not how the call is addressed, not gRPC's own, not what the verifier adds to messages.
    private static bool IsForwarded(string key) =>
        key is not (GrpcWireKeys.Service or GrpcWireKeys.Method or "content-type" or "contentType") &&
        !key.StartsWith("grpc-", StringComparison.Ordinal) && !key.EndsWith("-bin", StringComparison.Ordinal) &&
        key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.');

    private static ProviderRequest Replayed(JsonElement interaction)
    {
        var names = new List<string>();
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (interaction.TryGetProperty("providerStates", out var states) && states.ValueKind == JsonValueKind.Array)
        {
            foreach (var state in states.EnumerateArray())
            {
                if (Text(state, "name") is { } name)
                {
                    names.Add(name);
                }

                foreach (var (key, value) in ProviderStateParameters.From(state.TryGetProperty("params", out var p) ? p : null))
                {
                    parameters[key] = value;
                }
            }
        }

        return new ProviderRequest(Text(interaction, "description") ?? string.Empty, names, parameters);
    }

    /// <summary>
    /// The request body from the verifier's V4 contents (<c>{"content": ..., "contentType": ..., "encoded": ...}</c>):
    /// JSON content arrives parsed, other content as text or base64.
    /// </summary>
    private static string RequestJson(JsonElement request)
    {
        if (!request.TryGetProperty("contents", out var contents) || contents.ValueKind != JsonValueKind.Object ||
            !contents.TryGetProperty("content", out var content))
        {
            return "{}";
        }

        var encoded = contents.TryGetProperty("encoded", out var e) && e.ValueKind is not (JsonValueKind.False or JsonValueKind.Null);
        return content.ValueKind switch
        {
            JsonValueKind.String when encoded => Encoding.UTF8.GetString(Convert.FromBase64String(content.GetString()!)),
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Object => content.GetRawText(),
            _ => "{}",
        };
    }

    private async Task HandleStateAsync(HttpContext context)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
        var root = document.RootElement;
        var state = Text(root, "state") ?? string.Empty;
        var action = Text(root, "action") ?? "setup";
        if (state.Length == 0)
        {
            // The verifier also calls for interactions without any provider state.
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (action == "teardown")
        {
            lock (stateValuesGate)
            {
                stateValues.Clear();
            }
        }

        var handler = action == "teardown" ? tearDown : setUp;
        if (handler is null)
        {
            if (action == "teardown")
            {
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }

            await Reject(context, $"No provider-state handler is configured for state '{state}'.").ConfigureAwait(false);
            return;
        }

        try
        {
            var parameters = ProviderStateParameters.From(root.TryGetProperty("params", out var p) ? p : null);
            await handler(state, parameters).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status200OK;
            if (action != "teardown")
            {
                await AnswerValuesAsync(context, state, parameters).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // 4xx: the verifier retries a 5xx for minutes.
            var failure = $"Provider state '{state}' ({action}) failed: {ex.Message}";
            stateFailures.Enqueue(failure);
            await Reject(context, failure).ConfigureAwait(false);
        }
    }

    // The state's parameters and the values its set-up made, for the requests that take them (and, as the
    // state-change protocol has it, as the answer's JSON body).
    private async Task AnswerValuesAsync(HttpContext context, string state, IReadOnlyDictionary<string, object?> parameters)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (value is string or long or double or bool)
            {
                values[name] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
            }
        }

        if (this.values is not null)
        {
            foreach (var (name, value) in await this.values(state, parameters).ConfigureAwait(false))
            {
                values[name] = value;
            }
        }

        lock (stateValuesGate)
        {
            foreach (var (name, value) in values)
            {
                stateValues[name] = value;
            }
        }

        context.Response.ContentType = GrpcWireKeys.ContentType;
        await context.Response.WriteAsync(JsonSerializer.Serialize(values)).ConfigureAwait(false);
    }

    private static Task Reject(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.Response.WriteAsync(message);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
