using Microsoft.Extensions.Configuration;

namespace Shop.ServiceDefaults;

/// <summary>Where another service of the mesh listens, from configuration (<c>Services:Users</c> and so on).</summary>
public static class ServiceAddress
{
    /// <returns>The http(s) address under <paramref name="key"/>, or null when it is missing or not http(s).</returns>
    public static Uri? Find(IConfiguration configuration, string key) =>
        Uri.TryCreate(configuration[key], UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    /// <summary>What <paramref name="key"/> must hold, for the error when it does not.</summary>
    /// <param name="port">The service's port in <c>./build.sh --target=Run</c>, for the example.</param>
    public static string Required(string key, string service, int port) =>
        $"'{key}' must be the {service} service's http(s) address, e.g. http://127.0.0.1:{port} " +
        $"(environment: {key.Replace(":", "__", StringComparison.Ordinal)}); ./build.sh --target=Run sets it.";

    /// <exception cref="InvalidOperationException">The address is missing or not http(s), saying what to set.</exception>
    public static Uri Get(IConfiguration configuration, string key, string service, int port) =>
        Find(configuration, key) ?? throw new InvalidOperationException(Required(key, service, port));
}
