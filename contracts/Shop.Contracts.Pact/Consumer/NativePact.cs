using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Shop.Contracts.Pact.Native;

namespace Shop.Contracts.Pact.Consumer;

/// <summary>
/// One engine pact handle holding a test's interactions as V4 synchronous messages. It supplies the
/// expected requests (with the engine's own matching rules) to the mock, and writes the pact file.
/// </summary>
internal sealed class NativePact : IDisposable
{
    public const string ContentType = "application/json";
    public const string ServiceKey = "grpc-service";
    public const string MethodKey = "grpc-method";
    public const string StatusKey = "grpc-status";
    public const string StatusMessageKey = "grpc-message";

    private static readonly Lock WriteLock = new();
    private readonly ushort _handle;
    private bool _disposed;

    private NativePact(ushort handle) => _handle = handle;

    public static NativePact Build(string consumer, string provider, IEnumerable<GrpcInteractionDefinition> interactions)
    {
        PactEngineInitializer.EnsureStarted();
        var pact = new NativePact(PactEngine.pactffi_new_pact(consumer, provider));
        try
        {
            Check(PactEngine.pactffi_with_specification(pact._handle, PactSpecification.V4), "set specification V4");
            foreach (var interaction in interactions)
            {
                pact.Add(interaction);
            }

            return pact;
        }
        catch
        {
            pact.Dispose();
            throw;
        }
    }

    private void Add(GrpcInteractionDefinition interaction)
    {
        var method = interaction.Method!;
        var handle = PactEngine.pactffi_new_sync_message_interaction(_handle, interaction.Description);
        Check(handle != 0, $"create interaction '{interaction.Description}'");
        Check(PactEngine.pactffi_add_text_comment(handle, $"gRPC {interaction.MethodPath}"), "add comment");

        foreach (var state in interaction.States)
        {
            if (state.ParamsJson is null)
            {
                Check(PactEngine.pactffi_given(handle, state.Name), $"add provider state '{state.Name}'");
            }
            else
            {
                Check(PactEngine.pactffi_given_with_params(handle, state.Name, state.ParamsJson) == 0, $"add provider state '{state.Name}'");
            }
        }

        Check(PactEngine.pactffi_with_body(handle, InteractionPart.Request, ContentType, interaction.Request!.ToIntegrationJson()), "set request");
        Check(PactEngine.pactffi_with_metadata(handle, ServiceKey, Quote(method.Service.FullName), InteractionPart.Request), "set request metadata");
        Check(PactEngine.pactffi_with_metadata(handle, MethodKey, Quote(method.Name), InteractionPart.Request), "set request metadata");

        // A failed call has no message; an empty body keeps one response part to carry the status.
        var responseBody = interaction.Response?.ToIntegrationJson() ?? string.Empty;
        Check(PactEngine.pactffi_with_body(handle, InteractionPart.Response, ContentType, responseBody), "set response");
        Check(PactEngine.pactffi_with_metadata(handle, StatusKey, Quote(GrpcStatusNames.Of(interaction.Status)), InteractionPart.Response), "set status");
        if (interaction.StatusMessage is not null)
        {
            var example = JsonValue.Create(interaction.StatusMessage);
            var value = interaction.StatusMessageMatcher?.Wrap(example, StatusMessageKey) ?? example;
            Check(PactEngine.pactffi_with_metadata(handle, StatusMessageKey, value.ToJsonString(), InteractionPart.Response), "set status message");
        }
    }

    /// <summary>
    /// Each interaction's request as the engine stores it, rebuilt as a V3 message (contents,
    /// metadata, body matching rules) for <c>pactffi_match_message</c>; keyed by description.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExpectedRequests()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        var iter = PactEngine.pactffi_pact_handle_get_sync_message_iter(_handle);
        Check(iter != IntPtr.Zero, "read interactions");
        try
        {
            for (var message = PactEngine.pactffi_pact_sync_message_iter_next(iter);
                 message != IntPtr.Zero;
                 message = PactEngine.pactffi_pact_sync_message_iter_next(iter))
            {
                var description = EngineString.Take(PactEngine.pactffi_sync_message_get_description(message)) ?? string.Empty;
                var contents = PactEngine.pactffi_sync_message_generate_request_contents(message);
                Check(contents != IntPtr.Zero, $"read request of '{description}'");
                try
                {
                    expected[description] = ExpectedMessageJson(description, contents);
                }
                finally
                {
                    PactEngine.pactffi_message_contents_delete(contents);
                }
            }
        }
        finally
        {
            PactEngine.pactffi_pact_sync_message_iter_delete(iter);
        }

        return expected;
    }

    private static string ExpectedMessageJson(string description, IntPtr contents)
    {
        var body = EngineString.Take(PactEngine.pactffi_message_contents_get_contents_str(contents)) ?? "{}";
        var metadata = new JsonObject();
        var metadataIter = PactEngine.pactffi_message_contents_get_metadata_iter(contents);
        try
        {
            for (var pair = PactEngine.pactffi_message_metadata_iter_next(metadataIter);
                 pair != IntPtr.Zero;
                 pair = PactEngine.pactffi_message_metadata_iter_next(metadataIter))
            {
                // MessageMetadataPair { const char* key; const char* value; }, owned by the pair.
                var key = Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(pair)) ?? string.Empty;
                var value = Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(pair, IntPtr.Size));
                metadata[key] = value;
                PactEngine.pactffi_message_metadata_pair_delete(pair);
            }
        }
        finally
        {
            PactEngine.pactffi_message_metadata_iter_delete(metadataIter);
        }

        var rules = new JsonObject();
        var rulesIter = PactEngine.pactffi_message_contents_get_matching_rule_iter(contents, MatchingRuleCategory.Body);
        try
        {
            for (var pair = PactEngine.pactffi_matching_rules_iter_next(rulesIter);
                 pair != IntPtr.Zero;
                 pair = PactEngine.pactffi_matching_rules_iter_next(rulesIter))
            {
                // MatchingRuleKeyValuePair { const char* path; const MatchingRule* rule; }, owned by the pair.
                var path = Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(pair)) ?? "$";
                var rule = EngineString.Take(PactEngine.pactffi_matching_rule_to_json(Marshal.ReadIntPtr(pair, IntPtr.Size)));
                PactEngine.pactffi_matching_rules_iter_pair_delete(pair);
                if (rule is null)
                {
                    continue;
                }

                if (rules[path] is not JsonObject entry)
                {
                    entry = new JsonObject { ["matchers"] = new JsonArray(), ["combine"] = "AND" };
                    rules[path] = entry;
                }

                entry["matchers"]!.AsArray().Add(JsonNode.Parse(rule));
            }
        }
        finally
        {
            PactEngine.pactffi_matching_rules_iter_delete(rulesIter);
        }

        var message = new JsonObject
        {
            ["description"] = description,
            ["contents"] = body.Length == 0 ? null : JsonNode.Parse(body),
            ["metadata"] = metadata,
            ["matchingRules"] = new JsonObject { ["body"] = rules },
        };
        return message.ToJsonString();
    }

    /// <summary>
    /// Merges this handle's interactions into <c>&lt;consumer&gt;-&lt;provider&gt;.json</c> in
    /// <paramref name="directory"/> and marks them as gRPC transport.
    /// </summary>
    public void WriteTo(string directory, string consumer, string provider)
    {
        Directory.CreateDirectory(directory);
        lock (WriteLock)
        {
            var result = PactEngine.pactffi_pact_handle_write_file(_handle, directory, false);
            if (result != 0)
            {
                throw new InvalidOperationException(
                    $"The Pact engine could not write the pact file to '{directory}' (code {result}). {EngineString.Logs()}");
            }

            PactFileTransport.MarkGrpc(Path.Combine(directory, $"{consumer}-{provider}.json"));
        }
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            PactEngine.pactffi_free_pact_handle(_handle);
        }
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"The Pact engine refused to {what}. {EngineString.Logs()}");
        }
    }
}
