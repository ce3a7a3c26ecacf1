using Shop.Contracts.Testing;
using OrdersProgram = Shop.Orders.Program;

namespace Shop.Orders.Contracts.Tests.Provider;

/// <summary>
/// The assembly's entry point (tests run through dotnet test, not through it): hosts the orders provider
/// for the official `pact verifier` with <c>--provider-host</c> (Cake: Pact-Provider-Host --provider=orders).
/// </summary>
internal static class ProviderHostEntry
{
    public static Task<int> Main(string[] args) =>
        StandaloneProvider.RunAsync(args, async Task<ProviderHost<OrdersProgram>> () => await OrdersProvider.CreateAsync());
}
