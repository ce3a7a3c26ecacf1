using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Shop.ServiceDefaults.Proxies;

/// <summary>
/// Whose <c>X-Forwarded-For</c> is believed: only that of the addresses listed in <c>ForwardedHeaders:KnownProxies</c>
/// (the web app in front of users, a load balancer in front of the web app). From them, the last address in the
/// header becomes the request's client address (<c>Connection.RemoteIpAddress</c>), which users' per-address login
/// limits count by; from anyone else the header is ignored, so a caller cannot pick the address it is limited as.
/// </summary>
public static class KnownProxies
{
    public const string Section = "ForwardedHeaders:KnownProxies";

    /// <summary>The configured proxies; a value that is not an IP address stops the start with its setting named.</summary>
    public static IReadOnlyList<IPAddress> Read(IConfiguration configuration) =>
        [.. configuration.GetSection(Section).GetChildren().Select(entry =>
            IPAddress.TryParse(entry.Value, out var address)
                ? address
                : throw new InvalidOperationException($"{entry.Path} = '{entry.Value}' is not an IP address."))];

    public static void AddKnownProxies(this WebApplicationBuilder builder) =>
        // Read from the final configuration (a test host's settings come after the builder's first look).
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            // Only the hop the known proxy saw: what it was told about earlier hops is a client's word.
            options.ForwardLimit = 1;
            // ASP.NET Core trusts loopback (127.0.0.0/8, ::1) unless told otherwise; here only what is configured counts.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in Read(configuration)) options.KnownProxies.Add(proxy);
        });

    /// <summary>
    /// Applies X-Forwarded-For from known proxies. Not at all without one (with both lists empty the middleware
    /// believes everybody), and not on a connection without a peer address (a Unix socket, an in-process test
    /// server), where the middleware believes the header too.
    /// </summary>
    public static void UseKnownProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count == 0) return;
        app.UseWhen(context => context.Connection.RemoteIpAddress is not null, proxied => proxied.UseForwardedHeaders());
    }
}
