using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Shop.ServiceDefaults;

/// <summary>
/// What a service accepts from a caller, set deliberately rather than left to library defaults (listed in the
/// README). Our largest real request, an order of many items, is a few KiB; headers carry a token and a trace context.
/// </summary>
public static class ReceiveLimits
{
    /// <summary>
    /// Largest request message; a larger one is RESOURCE_EXHAUSTED before it is decoded (gRPC's default: 4 MiB).
    /// Far above any real request, so that a value up to a megabyte still reaches the declared rules, which
    /// name the field that is too long.
    /// </summary>
    public const int MaxRequestMessageBytes = 2 * 1024 * 1024;

    /// <summary>All request headers of one call together (Kestrel's default: 32 KiB).</summary>
    public const int MaxRequestHeadersTotalBytes = 16 * 1024;

    /// <summary>One HTTP/2 request header field, name and value (Kestrel's default: 16 KiB).</summary>
    public const int MaxRequestHeaderFieldBytes = 8 * 1024;

    /// <summary>Calls in flight on one HTTP/2 connection (Kestrel's default, kept on purpose: 100).</summary>
    public const int MaxStreamsPerConnection = 100;

    internal static void Apply(GrpcServiceOptions grpc) => grpc.MaxReceiveMessageSize = MaxRequestMessageBytes;

    internal static void Apply(WebApplicationBuilder builder) => builder.WebHost.ConfigureKestrel(kestrel =>
    {
        kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalBytes;
        kestrel.Limits.Http2.MaxRequestHeaderFieldSize = MaxRequestHeaderFieldBytes;
        kestrel.Limits.Http2.MaxStreamsPerConnection = MaxStreamsPerConnection;
    });
}
