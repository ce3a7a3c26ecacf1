using Shop.Contracts.Pact.Interop;

namespace Shop.Contracts.Pact.Engine;

/// <summary>An interaction in a native pact, addressed by its <see cref="InteractionHandle"/>.</summary>
internal sealed class NativeSyncMessageInteractionDriver(InteractionHandle handle, string description) : ISyncMessageInteractionDriver
{
    public void Comment(string text) =>
        NativePactEngine.Check(NativeInterop.pactffi_add_text_comment(handle, text), $"comment on '{description}'");

    public void Given(string state, string? parametersJson) =>
        NativePactEngine.Check(
            parametersJson is null
                ? NativeInterop.pactffi_given(handle, state)
                : NativeInterop.pactffi_given_with_params(handle, state, parametersJson) == 0,
            $"add provider state '{state}' to '{description}'");

    public void WithRequestBody(string contentType, string body) =>
        NativePactEngine.Check(NativeInterop.pactffi_with_body(handle, InteractionPart.Request, contentType, body), $"set the request of '{description}'");

    public void WithRequestMetadata(string key, string valueJson) =>
        NativePactEngine.Check(NativeInterop.pactffi_with_metadata(handle, key, valueJson, InteractionPart.Request), $"set request metadata {key} of '{description}'");

    public void WithResponseBody(string contentType, string body) =>
        NativePactEngine.Check(NativeInterop.pactffi_with_body(handle, InteractionPart.Response, contentType, body), $"set the response of '{description}'");

    public void WithResponseMetadata(string key, string valueJson) =>
        NativePactEngine.Check(NativeInterop.pactffi_with_metadata(handle, key, valueJson, InteractionPart.Response), $"set response metadata {key} of '{description}'");
}
