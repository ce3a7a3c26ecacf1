using Shop.Contracts.Pact.Interop;

namespace Shop.Contracts.Pact.Engine;

/// <summary>Compares a received request with an expected one using the engine's matching rules (<c>pactffi_match_message</c>).</summary>
internal sealed class NativeMessageMatcher : IMessageMatcher
{
    /// <inheritdoc />
    public IReadOnlyList<string> Mismatches(
        string expectedMessageJson, string actualBody, string contentType, IReadOnlyDictionary<string, string> actualMetadata)
    {
        var expected = NativeInterop.pactffi_message_new_from_json(0, expectedMessageJson, PactSpecification.V3);
        if (expected == IntPtr.Zero)
        {
            throw new InvalidOperationException($"The Pact engine could not read the expected request. {EngineString.Logs()}");
        }

        var actual = NativeInterop.pactffi_message_new_from_body(actualBody, contentType);
        if (actual == IntPtr.Zero)
        {
            NativeInterop.pactffi_message_delete(expected);
            throw new InvalidOperationException($"The Pact engine could not read the received request. {EngineString.Logs()}");
        }

        foreach (var (key, value) in actualMetadata)
        {
            NativeInterop.pactffi_message_insert_metadata(actual, key, value);
        }

        // pactffi_match_message takes ownership of both messages.
        var mismatches = NativeInterop.pactffi_match_message(expected, actual);
        if (mismatches == IntPtr.Zero)
        {
            throw new InvalidOperationException($"The Pact engine failed to compare the request. {EngineString.Logs()}");
        }

        var descriptions = new List<string>();
        var iter = NativeInterop.pactffi_mismatches_get_iter(mismatches);
        try
        {
            for (var mismatch = NativeInterop.pactffi_mismatches_iter_next(iter);
                 mismatch != IntPtr.Zero;
                 mismatch = NativeInterop.pactffi_mismatches_iter_next(iter))
            {
                descriptions.Add(EngineString.Take(NativeInterop.pactffi_mismatch_description(mismatch)) ?? "(no description)");
            }
        }
        finally
        {
            NativeInterop.pactffi_mismatches_iter_delete(iter);
            NativeInterop.pactffi_mismatches_delete(mismatches);
        }

        return descriptions;
    }
}
