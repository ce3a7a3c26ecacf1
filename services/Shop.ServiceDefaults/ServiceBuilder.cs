using Microsoft.AspNetCore.Builder;

namespace Shop.ServiceDefaults;

public static class ServiceBuilder
{
    /// <summary>
    /// The service's builder, its content root (appsettings.json and friends) the folder of its own assembly
    /// rather than the working directory: started from anywhere, a service keeps its settings (Kestrel's
    /// HTTP/2 among them). A content root given explicitly (<c>--contentRoot</c>, as test hosts do) still wins.
    /// The slim builder: a gRPC service on h2c needs none of what the full one adds (IIS integration, Kestrel's
    /// HTTPS configuration, host filtering, regex route constraints, logging providers besides the console's),
    /// and each of those is loaded, compiled and kept in memory by every process.
    /// </summary>
    public static WebApplicationBuilder Create(string[] args) =>
        WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
        });
}
