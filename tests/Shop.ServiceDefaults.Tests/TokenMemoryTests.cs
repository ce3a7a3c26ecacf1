using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.Auth;
using Shop.Testing.Auth;

namespace Shop.ServiceDefaults.Tests;

/// <summary>
/// The token handler every service's end-user scheme runs: a token it found valid is answered from memory on the
/// client's next calls (an RSA signature check is most of a cheap call's CPU), but never past the token's lifetime,
/// and a refused token is checked in full every time.
/// </summary>
[TestClass]
public sealed class TokenMemoryTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private WebApplication app = null!;
    private TokenHandler handler = null!;
    private TokenValidationParameters parameters = null!;
    // How many full checks ran: the signing key's look-up starts every one.
    private int checks;

    [TestInitialize]
    public void StartOrdersAuthentication()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(TestKeys.Settings("orders"));
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddMeshAuthentication("orders");
        app = builder.Build();
        var options = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(MeshIdentity.UserScheme);
        handler = options.TokenHandlers.Single();
        parameters = options.TokenValidationParameters.Clone();
        var findKey = parameters.IssuerSigningKeyResolver;
        parameters.IssuerSigningKeyResolver = (token, securityToken, kid, validation) =>
        {
            checks++;
            return findKey(token, securityToken, kid, validation);
        };
    }

    [TestCleanup]
    public ValueTask StopAsync() => app.DisposeAsync();

    [TestMethod]
    public async Task A_valid_token_is_checked_once_then_remembered_until_it_expires()
    {
        var token = TestTokens.User(Guid.NewGuid(), now: clock.GetUtcNow(), lifetime: Lifetime);

        Assert.IsTrue((await handler.ValidateTokenAsync(token, parameters)).IsValid);
        var firstChecks = checks;
        Assert.IsGreaterThan(0, firstChecks, "the first call checks the signature");
        for (var call = 0; call < 3; call++)
        {
            Assert.IsTrue((await handler.ValidateTokenAsync(token, parameters)).IsValid);
        }
        Assert.AreEqual(firstChecks, checks, "later calls with the same token are answered from memory");

        clock.Advance(Lifetime + MeshIdentity.ClockSkew);
        Assert.IsFalse((await handler.ValidateTokenAsync(token, parameters)).IsValid, "a remembered token is refused once its lifetime is over");
    }

    [TestMethod]
    public async Task A_refused_token_is_checked_in_full_every_time()
    {
        var token = TestTokens.User(Guid.NewGuid(), now: clock.GetUtcNow(), lifetime: Lifetime, key: TestKeys.Foreign);

        Assert.IsFalse((await handler.ValidateTokenAsync(token, parameters)).IsValid);
        var firstChecks = checks;
        Assert.IsFalse((await handler.ValidateTokenAsync(token, parameters)).IsValid);
        Assert.AreEqual(2 * firstChecks, checks, "nothing about a refused token is remembered");
    }
}
