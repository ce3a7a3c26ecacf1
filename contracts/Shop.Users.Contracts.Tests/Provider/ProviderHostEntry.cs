using Shop.Contracts.Testing;
using UsersProgram = Shop.Users.Program;

namespace Shop.Users.Contracts.Tests.Provider;

/// <summary>
/// The assembly's entry point (tests run through dotnet test, not through it): hosts the users provider
/// for the official `pact verifier` with <c>--provider-host</c> (Cake: Pact-Provider-Host --provider=users).
/// </summary>
internal static class ProviderHostEntry
{
    public static Task<int> Main(string[] args) =>
        StandaloneProvider.RunAsync(args, async Task<ProviderHost<UsersProgram>> () => await UsersProvider.CreateAsync());
}
