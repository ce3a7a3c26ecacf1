using Shop.Contracts.Testing;
using NotificationsProgram = Shop.Notifications.Program;

namespace Shop.Notifications.Contracts.Tests.Provider;

/// <summary>
/// The assembly's entry point (tests run through dotnet test, not through it): hosts the notifications provider
/// for the official `pact verifier` with <c>--provider-host</c> (Cake: Pact-Provider-Host --provider=notifications).
/// </summary>
internal static class ProviderHostEntry
{
    public static Task<int> Main(string[] args) =>
        StandaloneProvider.RunAsync(args, async Task<ProviderHost<NotificationsProgram>> () => await NotificationsProvider.CreateAsync());
}
