using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Shop.Contracts.Pact.Interop;

namespace Shop.Contracts.Pact.Engine;

/// <summary>
/// A pact in the engine, addressed by its <see cref="PactHandle"/>: holds interactions as V4
/// synchronous messages, reads back the expected requests with the engine's own matching rules, and
/// merges them into the pact file.
/// </summary>
internal sealed class NativeSyncMessagePactDriver : ISyncMessagePactDriver
{
    private static readonly Lock WriteLock = new();
    private readonly PactHandle handle;
    private readonly string consumer;
    private readonly string provider;
    private bool disposed;

    private NativeSyncMessagePactDriver(PactHandle handle, string consumer, string provider)
    {
        this.handle = handle;
        this.consumer = consumer;
        this.provider = provider;
    }

    public static NativeSyncMessagePactDriver Create(string consumer, string provider)
    {
        var handle = NativeInterop.pactffi_new_pact(consumer, provider);
        NativePactEngine.Check(handle.IsValid, $"create a pact between {consumer} and {provider}");
        var pact = new NativeSyncMessagePactDriver(handle, consumer, provider);
        try
        {
            // Required: a new pact is V3, and writing synchronous messages then fails.
            NativePactEngine.Check(NativeInterop.pactffi_with_specification(handle, PactSpecification.V4), "set specification V4");
            return pact;
        }
        catch
        {
            pact.Dispose();
            throw;
        }
    }

    public ISyncMessageInteractionDriver NewInteraction(string description)
    {
        var handle = NativeInterop.pactffi_new_sync_message_interaction(this.handle, description);
        NativePactEngine.Check(handle.IsValid, $"create interaction '{description}'");
        return new NativeSyncMessageInteractionDriver(handle, description);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> ExpectedRequests()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        var iter = NativeInterop.pactffi_pact_handle_get_sync_message_iter(handle);
        NativePactEngine.Check(iter != IntPtr.Zero, "read interactions");
        try
        {
            for (var message = NativeInterop.pactffi_pact_sync_message_iter_next(iter);
                 message != IntPtr.Zero;
                 message = NativeInterop.pactffi_pact_sync_message_iter_next(iter))
            {
                var description = EngineString.Take(NativeInterop.pactffi_sync_message_get_description(message)) ?? string.Empty;
                var contents = NativeInterop.pactffi_sync_message_generate_request_contents(message);
                NativePactEngine.Check(contents != IntPtr.Zero, $"read request of '{description}'");
                try
                {
                    expected[description] = ExpectedMessageJson(description, contents);
                }
                finally
                {
                    NativeInterop.pactffi_message_contents_delete(contents);
                }
            }
        }
        finally
        {
            NativeInterop.pactffi_pact_sync_message_iter_delete(iter);
        }

        return expected;
    }

    private static string ExpectedMessageJson(string description, IntPtr contents)
    {
        var body = EngineString.Take(NativeInterop.pactffi_message_contents_get_contents_str(contents)) ?? "{}";
        var metadata = new JsonObject();
        var metadataIter = NativeInterop.pactffi_message_contents_get_metadata_iter(contents);
        try
        {
            for (var pair = NativeInterop.pactffi_message_metadata_iter_next(metadataIter);
                 pair != IntPtr.Zero;
                 pair = NativeInterop.pactffi_message_metadata_iter_next(metadataIter))
            {
                // MessageMetadataPair { const char* key; const char* value; }, owned by the pair.
                var key = Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(pair)) ?? string.Empty;
                var value = Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(pair, IntPtr.Size));
                metadata[key] = value;
                NativeInterop.pactffi_message_metadata_pair_delete(pair);
            }
        }
        finally
        {
            NativeInterop.pactffi_message_metadata_iter_delete(metadataIter);
        }

        var message = new JsonObject
        {
            ["description"] = description,
            ["contents"] = body.Length == 0 ? null : JsonNode.Parse(body),
            ["metadata"] = metadata,
            // Metadata rules too: credentials are recorded by pattern, never as the example token.
            ["matchingRules"] = new JsonObject
            {
                ["body"] = Rules(contents, MatchingRuleCategory.Body),
                ["metadata"] = Rules(contents, MatchingRuleCategory.Metadata),
            },
        };
        return message.ToJsonString();
    }

    /// <summary>The matching rules of one category as pact JSON: path to <c>{"matchers": [...], "combine": "AND"}</c>.</summary>
    private static JsonObject Rules(IntPtr contents, MatchingRuleCategory category)
    {
        var rules = new JsonObject();
        var rulesIter = NativeInterop.pactffi_message_contents_get_matching_rule_iter(contents, category);
        try
        {
            for (var pair = NativeInterop.pactffi_matching_rules_iter_next(rulesIter);
                 pair != IntPtr.Zero;
                 pair = NativeInterop.pactffi_matching_rules_iter_next(rulesIter))
            {
                // MatchingRuleKeyValuePair { const char* path; const MatchingRule* rule; }, owned by the pair.
                var path = Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(pair)) ?? "$";
                var rule = EngineString.Take(NativeInterop.pactffi_matching_rule_to_json(Marshal.ReadIntPtr(pair, IntPtr.Size)));
                NativeInterop.pactffi_matching_rules_iter_pair_delete(pair);
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
            NativeInterop.pactffi_matching_rules_iter_delete(rulesIter);
        }

        return rules;
    }

    public string WriteFile(string directory, Action<string>? then = null)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{consumer}-{provider}.json");
        lock (WriteLock)
        {
            var result = NativeInterop.pactffi_pact_handle_write_file(handle, directory, false);
            if (result != 0)
            {
                throw new InvalidOperationException(
                    $"The Pact engine could not write the pact file to '{directory}' (code {result}). {EngineString.Logs()}");
            }

            then?.Invoke(file);
        }

        return file;
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            NativeInterop.pactffi_free_pact_handle(handle);
        }
    }
}
