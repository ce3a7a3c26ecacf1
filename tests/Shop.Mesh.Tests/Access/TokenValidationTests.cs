using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.Orders.V1;
using Shop.Testing;
using Shop.Testing.Auth;

namespace Shop.Mesh.Tests.Access;

/// <summary>How every service checks access tokens, on orders with a clock the test moves.</summary>
[TestClass]
public sealed class TokenValidationTests
{
    private static readonly Guid Customer = Guid.Parse("5b6f2c1e-3c1d-4a55-8f2e-0d6c2b9a1e01");

    private ClockedOrders orders = null!;

    /// <summary>The host's time when the test starts: its clock only moves forward, test after test.</summary>
    private DateTimeOffset now;

    [TestInitialize]
    public async Task Start()
    {
        orders = await ClassFixtures<ClockedOrders>.ForAsync(GetType(), ClockedOrders.StartAsync);
        now = orders.Clock.GetUtcNow();
    }

    [TestMethod]
    public async Task A_token_is_accepted_until_it_expires_then_refused_even_after_being_accepted_before()
    {
        var token = TestTokens.User(Customer, now: now, lifetime: TimeSpan.FromMinutes(10));
        await ListOwnOrdersAsync(token);

        // Still inside the 30 s the services allow for clocks that disagree.
        orders.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(20));
        await ListOwnOrdersAsync(token);

        orders.Clock.Advance(TimeSpan.FromSeconds(11));
        var error = await FailsWith(StatusCode.Unauthenticated, () => ListOwnOrdersAsync(token));
        Assert.AreEqual("access token expired or not yet valid", error.Status.Detail);
    }

    [TestMethod]
    public async Task A_token_is_refused_before_its_not_before_time()
    {
        var token = TestTokens.User(Customer, now: now.AddMinutes(5), lifetime: TimeSpan.FromMinutes(10));
        await FailsWith(StatusCode.Unauthenticated, () => ListOwnOrdersAsync(token));

        orders.Clock.Advance(TimeSpan.FromMinutes(5));
        await ListOwnOrdersAsync(token);
    }

    [TestMethod]
    public async Task A_token_whose_key_id_names_a_trusted_key_but_was_signed_with_another_is_refused()
    {
        var forged = TestTokens.User(Customer, now: now, key: TestKeys.Foreign, keyId: TestKeys.KeyId("users"));
        await FailsWith(StatusCode.Unauthenticated, () => ListOwnOrdersAsync(forged));
    }

    [TestMethod]
    public async Task An_unsigned_token_alg_none_is_refused()
    {
        var valid = TestTokens.User(Customer, now: now);
        var unsigned = $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{valid.Split('.')[1]}.";
        await FailsWith(StatusCode.Unauthenticated, () => ListOwnOrdersAsync(unsigned));
    }

    [TestMethod]
    public async Task A_token_signed_with_HMAC_keyed_by_the_public_key_is_refused()
    {
        var publicKey = Encoding.UTF8.GetBytes(TestKeys.Of("users").ExportSubjectPublicKeyInfoPem());
        var confused = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "shop-users",
            Audience = "shop",
            Claims = new Dictionary<string, object> { ["sub"] = Customer.ToString(), ["role"] = "customer" },
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.UtcDateTime.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(publicKey) { KeyId = TestKeys.KeyId("users") }, SecurityAlgorithms.HmacSha256),
        });
        await FailsWith(StatusCode.Unauthenticated, () => ListOwnOrdersAsync(confused));
    }

    [TestMethod]
    public async Task A_token_whose_payload_was_changed_after_signing_is_refused()
    {
        var customer = TestTokens.User(Customer, now: now).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(customer[1])).Replace("\"customer\"", "\"admin\"", StringComparison.Ordinal);
        var promoted = $"{customer[0]}.{Base64Url(payload)}.{customer[2]}";

        var error = await FailsWith(StatusCode.Unauthenticated, () =>
            new OrderService.OrderServiceClient(orders.Host.Channel.As(promoted)).ListCustomerSpendingAsync(new ListCustomerSpendingRequest()).ResponseAsync);
        Assert.AreEqual("access token invalid", error.Status.Detail);
    }

    private Task ListOwnOrdersAsync(string token) =>
        new OrderService.OrderServiceClient(orders.Host.Channel.As(token)).ListOrdersAsync(new ListOrdersRequest { UserId = Customer.ToString() }).ResponseAsync;

    private static string Base64Url(string text) => Base64UrlEncoder.Encode(text);
}
