using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.ServiceDefaults.Auth;
using Shop.Testing.Auth;

namespace Shop.ServiceDefaults.Tests;

/// <summary>
/// The services authenticate with JWTs and set no cookies: ASP.NET Core Data Protection, which AddAuthentication brings
/// along, must not make (and write, unencrypted) a key ring when a service starts.
/// </summary>
[TestClass]
public sealed class DataProtectionTests
{
    [TestMethod]
    public async Task A_service_starts_without_making_a_data_protection_key_ring()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(TestKeys.Settings("orders"));
        builder.AddMeshAuthentication("orders");
        await using var app = builder.Build();

        Assert.IsEmpty(DataProtectionAtStart(app.Services), "no hosted service of Data Protection runs at start");
    }

    [TestMethod]
    public async Task Plain_AddAuthentication_would_make_one()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddAuthentication();
        await using var app = builder.Build();

        Assert.IsNotEmpty(DataProtectionAtStart(app.Services), "the control: what the service takes away is there by default");
    }

    private static List<string> DataProtectionAtStart(IServiceProvider services) =>
        [.. services.GetServices<IHostedService>().Select(s => s.GetType().FullName!).Where(name => name.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal))];
}
