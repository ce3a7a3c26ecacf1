using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Shop.ServiceDefaults.Auth;

/// <summary>
/// Authentication and authorization of every service, the ASP.NET Core way: two JwtBearer schemes, end
/// users' access tokens (<c>authorization</c>) and services' tokens (<see cref="MeshIdentity.ServiceHeader"/>),
/// both RS256 checked against public keys only, and the policies of <see cref="AccessPolicies"/>.
/// </summary>
public static class MeshAuthentication
{
    public static void AddMeshAuthentication(this WebApplicationBuilder builder, string service)
    {
        var services = builder.Services;
        services.AddSingleton(new MeshService(service));
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TokenKeyOptions>().Bind(builder.Configuration.GetSection(TokenKeyOptions.Section));
        services.AddSingleton<TokenKeys>();
        services.AddAuthentication()
            .AddJwtBearer(MeshIdentity.UserScheme, _ => { })
            .AddJwtBearer(MeshIdentity.ServiceScheme, _ => { });
        WithoutDataProtectionAtStart(services);
        services.AddOptions<JwtBearerOptions>(MeshIdentity.UserScheme).Configure<TokenKeys, TimeProvider>((options, keys, clock) =>
            Configure(options, MeshIdentity.UserScheme, keys, clock, [MeshIdentity.Issuer(MeshIdentity.UserTokenIssuerService)], MeshIdentity.UserAudience));
        services.AddOptions<JwtBearerOptions>(MeshIdentity.ServiceScheme).Configure<TokenKeys, TimeProvider>((options, keys, clock) =>
        {
            Configure(options, MeshIdentity.ServiceScheme, keys, clock, [.. keys.Issuers], MeshIdentity.ServiceAudience(service));
            options.Events.OnMessageReceived = context =>
            {
                var header = context.Request.Headers[MeshIdentity.ServiceHeader].ToString();
                if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) context.Token = header["Bearer ".Length..].Trim();
                else if (header.Length > 0) context.Token = header; // malformed: let validation refuse it, so the call is UNAUTHENTICATED
                else context.NoResult();
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(AccessPolicies.AddTo);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
    }

    /// <summary>
    /// AddAuthentication brings ASP.NET Core Data Protection along, which no service uses (its tokens are JWTs; it
    /// sets no cookies), and Data Protection's hosted service made a key ring at every start: a key written unencrypted
    /// under ~/.aspnet, a warning in the log, and its XML stack loaded into memory. Nothing asks for the key ring now.
    /// </summary>
    private static void WithoutDataProtectionAtStart(IServiceCollection services)
    {
        foreach (var keyRingAtStart in services.Where(IsDataProtectionStartup).ToList()) services.Remove(keyRingAtStart);
    }

    private static bool IsDataProtectionStartup(ServiceDescriptor service) => service.ServiceType == typeof(IHostedService)
        && service.ImplementationType?.Namespace?.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) == true;

    /// <summary>Signs tokens with this service's own key: users' access tokens, or service tokens for the calls it makes.</summary>
    public static IServiceCollection AddTokenSigning(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenSigner>();
        services.TryAddSingleton<ServiceTokens>();
        return services;
    }

    private static void Configure(JwtBearerOptions options, string scheme, TokenKeys keys, TimeProvider clock, string[] issuers, string audience)
    {
        options.MapInboundClaims = false;
        // Nothing reads the token back from the authentication properties (GetTokenAsync): keeping it there costs every call.
        options.SaveToken = false;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new CachingTokenHandler(keys, clock));
        options.TimeProvider = clock;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            AuthenticationType = scheme,
            ValidIssuers = issuers,
            ValidAudience = audience,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            // A key is looked up by the token's issuer and kid: one service's key never vouches for another.
            IssuerSigningKeyResolver = (_, token, kid, _) => keys.Find(token.Issuer, kid, clock.GetUtcNow()) is { } key ? [key] : [],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            LifetimeValidator = (notBefore, expires, _, _) => clock.GetUtcNow().UtcDateTime is var now
                && expires is { } end && now < end + MeshIdentity.ClockSkew
                && (notBefore is null || now + MeshIdentity.ClockSkew >= notBefore),
            NameClaimType = MeshClaims.Name,
            RoleClaimType = MeshClaims.Role,
        };
        options.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = context =>
            {
                AuthenticationFailure.Record(context.HttpContext, scheme, context.Exception);
                return Task.CompletedTask;
            },
        };
    }
}
