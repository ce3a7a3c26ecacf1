using Grpc.Net.Client.Balancer;

namespace Shop.ServiceDefaults.Neighbours;

/// <summary>
/// Where the replicas of another service of the mesh listen, from its setting (<c>Services:Orders</c> and so on),
/// in one of three forms: one http(s) address; several, separated by commas (a static list, for local runs);
/// or <c>dns:///host:port</c>, a name that resolves to every replica (a Kubernetes headless service).
/// The last two are balanced round robin over the replicas that answer.
/// </summary>
public sealed class NeighbourAddress
{
    private NeighbourAddress(Uri channelAddress, IReadOnlyList<BalancerAddress> replicas, bool secure)
    {
        ChannelAddress = channelAddress;
        Replicas = replicas;
        Secure = secure;
    }

    /// <summary>What the channel is made for: the address itself, <c>static:///{service}</c> for a list, or the <c>dns:///</c> name.</summary>
    public Uri ChannelAddress { get; }

    /// <summary>The static list's replicas; empty for the other forms.</summary>
    public IReadOnlyList<BalancerAddress> Replicas { get; }

    /// <summary>Whether calls use TLS (https addresses).</summary>
    public bool Secure { get; }

    /// <summary>A list or a DNS name: resolved by grpc-dotnet and balanced over the replicas, not one HTTP/2 connection.</summary>
    public bool Balanced => ChannelAddress.Scheme is "static" or "dns";

    /// <param name="service">The neighbour's name (<c>orders</c>): the static list's channel is named for it.</param>
    /// <param name="problem">Why <paramref name="text"/> is none of the forms, when it is not.</param>
    public static NeighbourAddress? Parse(string? text, string service, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "it is not set";
            return null;
        }
        var entries = text.Split(',', StringSplitOptions.TrimEntries);
        if (entries.Length == 1 && entries[0].StartsWith("dns:", StringComparison.OrdinalIgnoreCase)) return Dns(entries[0], out problem);
        var addresses = new List<Uri>();
        foreach (var entry in entries)
        {
            if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            {
                problem = entries.Length == 1
                    ? $"'{Shown(entry)}' is not an http(s) address"
                    : $"'{Shown(entry)}' in the list is not an http(s) address (a list holds http(s) addresses only)";
                return null;
            }
            addresses.Add(uri);
        }
        if (addresses.Count == 1) return new NeighbourAddress(addresses[0], [], addresses[0].Scheme == Uri.UriSchemeHttps);
        if (addresses.Select(a => a.Scheme).Distinct().Count() > 1)
        {
            problem = "the list mixes http and https addresses";
            return null;
        }
        if (addresses.FirstOrDefault(a => a.AbsolutePath != "/") is { } withPath)
        {
            problem = $"'{Shown(withPath.OriginalString)}' in the list has a path: a replica is a host and a port";
            return null;
        }
        if (addresses.GroupBy(a => (a.Host, a.Port)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            problem = $"{twice.Key.Host}:{twice.Key.Port} is in the list twice";
            return null;
        }
        return new NeighbourAddress(new Uri($"static:///{service}"), [.. addresses.Select(a => new BalancerAddress(a.Host, a.Port))],
            addresses[0].Scheme == Uri.UriSchemeHttps);
    }

    // dns:///host:port as grpc-dotnet's DNS resolver reads it: no authority (that would name a DNS server, which
    // it does not support), and a port, since the resolver would otherwise pick 80 where no service listens.
    private static NeighbourAddress? Dns(string entry, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || uri.Authority.Length > 0 || !entry.StartsWith("dns:///", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"'{Shown(entry)}' is not of the form dns:///host:port (three slashes: no DNS server can be named)";
            return null;
        }
        var hostAndPort = uri.AbsolutePath.TrimStart('/');
        var colon = hostAndPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostAndPort[(colon + 1)..], out var port) || port is < 1 or > 65535
            || Uri.CheckHostName(hostAndPort[..colon]) == UriHostNameType.Unknown)
        {
            problem = $"'{Shown(entry)}' does not end in a host name and a port, as in dns:///orders-headless:8080";
            return null;
        }
        return new NeighbourAddress(uri, [], secure: false);
    }

    // The setting comes from whoever runs the service, but a message need not repeat a long one whole.
    private static string Shown(string entry) => entry.Length <= 100 ? entry : entry[..100] + "...";
}
