using Grpc.Core;

namespace Shop.Testing.Auth;

/// <summary>
/// A channel whose calls all carry the given tokens (see <see cref="Credentials.With"/>), for code that
/// takes a channel rather than a call invoker, such as a pact verifier replaying a consumer's calls.
/// </summary>
public sealed class CredentialedChannel(ChannelBase inner, string? userToken, string? serviceToken) : ChannelBase(inner.Target)
{
    public override CallInvoker CreateCallInvoker() => inner.With(userToken, serviceToken);
}
