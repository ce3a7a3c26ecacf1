using Shop.Contracts.Pact.Native;

namespace Shop.Contracts.Pact.Consumer;

/// <summary>Compares a received request with an expected one using the engine's matching rules (<c>pactffi_match_message</c>).</summary>
internal static class EngineRequestMatcher
{
    /// <summary>The engine's mismatch descriptions; empty when the request matches.</summary>
    public static IReadOnlyList<string> Mismatches(string expectedMessageJson, string actualBodyJson, IReadOnlyDictionary<string, string> actualMetadata)
    {
        var expected = PactEngine.pactffi_message_new_from_json(0, expectedMessageJson, PactSpecification.V3);
        if (expected == IntPtr.Zero)
        {
            throw new InvalidOperationException($"The Pact engine could not read the expected request. {EngineString.Logs()}");
        }

        var actual = PactEngine.pactffi_message_new_from_body(actualBodyJson, NativePact.ContentType);
        if (actual == IntPtr.Zero)
        {
            PactEngine.pactffi_message_delete(expected);
            throw new InvalidOperationException($"The Pact engine could not read the received request. {EngineString.Logs()}");
        }

        foreach (var (key, value) in actualMetadata)
        {
            PactEngine.pactffi_message_insert_metadata(actual, key, value);
        }

        // pactffi_match_message takes ownership of both messages.
        var mismatches = PactEngine.pactffi_match_message(expected, actual);
        if (mismatches == IntPtr.Zero)
        {
            throw new InvalidOperationException($"The Pact engine failed to compare the request. {EngineString.Logs()}");
        }

        var descriptions = new List<string>();
        var iter = PactEngine.pactffi_mismatches_get_iter(mismatches);
        try
        {
            for (var mismatch = PactEngine.pactffi_mismatches_iter_next(iter);
                 mismatch != IntPtr.Zero;
                 mismatch = PactEngine.pactffi_mismatches_iter_next(iter))
            {
                descriptions.Add(EngineString.Take(PactEngine.pactffi_mismatch_description(mismatch)) ?? "(no description)");
            }
        }
        finally
        {
            PactEngine.pactffi_mismatches_iter_delete(iter);
            PactEngine.pactffi_mismatches_delete(mismatches);
        }

        return descriptions;
    }
}
