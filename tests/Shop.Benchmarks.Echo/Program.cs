using Shop.Benchmarks.Echo;

var builder = WebApplication.CreateBuilder(args);
// Same hosting as the services (Kestrel, HTTP/2 without TLS) minus everything they do per call.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint =>
    endpoint.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2));
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddGrpc();

var app = builder.Build();
app.MapGrpcService<EchoGrpcService>();
app.Run();
