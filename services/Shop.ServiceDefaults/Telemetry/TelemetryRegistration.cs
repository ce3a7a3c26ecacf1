using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Shop.ServiceDefaults.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>The activity source of the mesh's own spans (e.g. outbox delivery).</summary>
    public const string ActivitySourceName = "Shop.Mesh";

    /// <summary>
    /// Metrics for incoming and outgoing gRPC calls and SQL, and traces of them, when an exporter is
    /// configured: OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, the console when Telemetry:Console is
    /// true. With neither, nothing is collected (recording spans for nobody cost GetUser a quarter of its
    /// throughput in the Bench target), yet W3C trace context still flows on every call between
    /// services, as ASP.NET Core and HttpClient propagate it themselves. Console logs carry the trace and span id.
    /// </summary>
    public static void AddTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddSimpleConsole(options => options.IncludeScopes = true);

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var console = builder.Configuration.GetValue<bool>("Telemetry:Console");
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName));
        // Metrics and spans are collected only for an exporter, as nothing else reads what OpenTelemetry collects
        // (dotnet-counters listens to the same meters by itself).
        if (otlp || console)
        {
            telemetry.WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Grpc.AspNetCore.Server", "Grpc.Net.Client", "Npgsql"));
            telemetry.WithTracing(tracing => tracing
                .AddSource(ActivitySourceName)
                .AddSource("Npgsql")
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/grpc.health.v1.Health"))
                .AddHttpClientInstrumentation());
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }
        else if (console)
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }
    }
}
