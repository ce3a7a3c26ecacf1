using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Shop.ServiceDefaults.Validation;

internal static class RulesPreparation
{
    /// <summary>
    /// Once the app has started, compiles the rules of every mapped gRPC method's request, so that no first
    /// caller waits for it and a declared rule that is not implemented shows at start.
    /// </summary>
    public static void PrepareOnStart(WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var validator = app.Services.GetRequiredService<RequestValidator>();
        var requests = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .Select(endpoint => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.GetType())
            .Where(method => method is { IsGenericType: true })
            .Select(method => method!.GetGenericArguments()[0].GetProperty("Descriptor")?.GetValue(null))
            .OfType<MessageDescriptor>()
            .Distinct();
        foreach (var request in requests) validator.Prepare(request);
    });
}
