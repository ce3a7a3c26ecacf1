using System.Runtime.InteropServices;

namespace Shop.Contracts.Pact.Interop;

/// <summary>
/// P/Invoke declarations for the subset of libpact_ffi this layer uses (signatures from
/// pact-reference <c>rust/pact_ffi</c>). Strings go in as UTF-8; strings the engine returns come
/// back as <see cref="IntPtr"/> so <see cref="EngineString"/> can copy and free them. Rust
/// <c>bool</c> is one byte. Pacts, interactions and verifiers are typed handles
/// (<see cref="PactHandle"/>, <see cref="InteractionHandle"/>, <see cref="VerifierHandle"/>). Only the
/// engine layer (<c>Shop.Contracts.Pact.Engine</c>) calls these; the public API goes through it.
/// </summary>
#pragma warning disable SYSLIB1054 // DllImport keeps the marshalling explicit and needs no unsafe code.
internal static class NativeInterop
{
    private const string Lib = PactEngineLocator.LibraryName;

    // ---- Strings and logs ------------------------------------------------------------------

    [DllImport(Lib)]
    public static extern void pactffi_string_delete(IntPtr str);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_version();

    [DllImport(Lib)]
    public static extern int pactffi_log_to_buffer(int levelFilter);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_fetch_log_buffer([MarshalAs(UnmanagedType.LPUTF8Str)] string? logId);

    // ---- Building a pact -------------------------------------------------------------------

    [DllImport(Lib)]
    public static extern PactHandle pactffi_new_pact(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string consumer,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string provider);

    [DllImport(Lib)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static extern bool pactffi_with_specification(PactHandle pact, PactSpecification version);

    [DllImport(Lib)]
    public static extern InteractionHandle pactffi_new_sync_message_interaction(
        PactHandle pact, [MarshalAs(UnmanagedType.LPUTF8Str)] string description);

    [DllImport(Lib)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static extern bool pactffi_given(InteractionHandle interaction, [MarshalAs(UnmanagedType.LPUTF8Str)] string description);

    [DllImport(Lib)]
    public static extern int pactffi_given_with_params(
        InteractionHandle interaction,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string description,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string paramsJson);

    [DllImport(Lib)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static extern bool pactffi_with_body(
        InteractionHandle interaction,
        InteractionPart part,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string contentType,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string body);

    [DllImport(Lib)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static extern bool pactffi_with_metadata(
        InteractionHandle interaction,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string key,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string valueJson,
        InteractionPart part);

    [DllImport(Lib)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static extern bool pactffi_add_text_comment(InteractionHandle interaction, [MarshalAs(UnmanagedType.LPUTF8Str)] string comment);

    [DllImport(Lib)]
    public static extern int pactffi_pact_handle_write_file(
        PactHandle pact,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string directory,
        [MarshalAs(UnmanagedType.U1)] bool overwrite);

    [DllImport(Lib)]
    public static extern uint pactffi_free_pact_handle(PactHandle pact);

    // ---- Reading interactions back ---------------------------------------------------------

    [DllImport(Lib)]
    public static extern IntPtr pactffi_pact_handle_get_sync_message_iter(PactHandle pact);

    /// <summary>Borrowed: valid while the iterator lives.</summary>
    [DllImport(Lib)]
    public static extern IntPtr pactffi_pact_sync_message_iter_next(IntPtr iter);

    [DllImport(Lib)]
    public static extern void pactffi_pact_sync_message_iter_delete(IntPtr iter);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_sync_message_get_description(IntPtr message);

    /// <summary>Owned: free with <see cref="pactffi_message_contents_delete"/>.</summary>
    [DllImport(Lib)]
    public static extern IntPtr pactffi_sync_message_generate_request_contents(IntPtr message);

    [DllImport(Lib)]
    public static extern void pactffi_message_contents_delete(IntPtr contents);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_message_contents_get_contents_str(IntPtr contents);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_message_contents_get_metadata_iter(IntPtr contents);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_message_metadata_iter_next(IntPtr iter);

    [DllImport(Lib)]
    public static extern void pactffi_message_metadata_iter_delete(IntPtr iter);

    [DllImport(Lib)]
    public static extern void pactffi_message_metadata_pair_delete(IntPtr pair);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_message_contents_get_matching_rule_iter(IntPtr contents, MatchingRuleCategory category);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_matching_rules_iter_next(IntPtr iter);

    [DllImport(Lib)]
    public static extern void pactffi_matching_rules_iter_pair_delete(IntPtr pair);

    [DllImport(Lib)]
    public static extern void pactffi_matching_rules_iter_delete(IntPtr iter);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_matching_rule_to_json(IntPtr rule);

    // ---- Matching an actual message against an expected one --------------------------------

    [DllImport(Lib)]
    public static extern IntPtr pactffi_message_new_from_json(
        uint index, [MarshalAs(UnmanagedType.LPUTF8Str)] string json, PactSpecification specification);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_message_new_from_body(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string body,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string contentType);

    [DllImport(Lib)]
    public static extern int pactffi_message_insert_metadata(
        IntPtr message,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string key,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string value);

    [DllImport(Lib)]
    public static extern void pactffi_message_delete(IntPtr message);

    /// <summary>Takes ownership of both messages. The result is freed with <see cref="pactffi_mismatches_delete"/>.</summary>
    [DllImport(Lib)]
    public static extern IntPtr pactffi_match_message(IntPtr expected, IntPtr actual);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_mismatches_get_iter(IntPtr mismatches);

    /// <summary>Borrowed from the mismatches.</summary>
    [DllImport(Lib)]
    public static extern IntPtr pactffi_mismatches_iter_next(IntPtr iter);

    [DllImport(Lib)]
    public static extern void pactffi_mismatches_iter_delete(IntPtr iter);

    [DllImport(Lib)]
    public static extern void pactffi_mismatches_delete(IntPtr mismatches);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_mismatch_description(IntPtr mismatch);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_mismatch_to_json(IntPtr mismatch);

    // ---- Verifying a provider ---------------------------------------------------------------

    [DllImport(Lib)]
    public static extern VerifierHandle pactffi_verifier_new_for_application(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string version);

    [DllImport(Lib)]
    public static extern void pactffi_verifier_set_provider_info(
        VerifierHandle handle,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string scheme,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string host,
        ushort port,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    [DllImport(Lib)]
    public static extern void pactffi_verifier_add_provider_transport(
        VerifierHandle handle,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string protocol,
        ushort port,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string scheme);

    [DllImport(Lib)]
    public static extern void pactffi_verifier_set_provider_state(
        VerifierHandle handle,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string url,
        byte teardown,
        byte body);

    [DllImport(Lib)]
    public static extern int pactffi_verifier_set_verification_options(
        VerifierHandle handle, byte disableSslVerification, CULong requestTimeoutMs);

    [DllImport(Lib)]
    public static extern int pactffi_verifier_set_coloured_output(VerifierHandle handle, byte coloured);

    [DllImport(Lib)]
    public static extern void pactffi_verifier_add_file_source(
        VerifierHandle handle, [MarshalAs(UnmanagedType.LPUTF8Str)] string file);

    [DllImport(Lib)]
    public static extern void pactffi_verifier_add_directory_source(
        VerifierHandle handle, [MarshalAs(UnmanagedType.LPUTF8Str)] string directory);

    [DllImport(Lib)]
    public static extern int pactffi_verifier_execute(VerifierHandle handle);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_verifier_output(VerifierHandle handle, byte stripAnsi);

    [DllImport(Lib)]
    public static extern IntPtr pactffi_verifier_json(VerifierHandle handle);

    [DllImport(Lib)]
    public static extern void pactffi_verifier_shutdown(VerifierHandle handle);
}
#pragma warning restore SYSLIB1054
