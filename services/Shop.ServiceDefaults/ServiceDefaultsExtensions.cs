using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shop.ServiceDefaults.Auth;
using Shop.ServiceDefaults.Data;
using Shop.ServiceDefaults.Grpc;
using Shop.ServiceDefaults.Proxies;
using Shop.ServiceDefaults.Telemetry;
using Shop.ServiceDefaults.Validation;

namespace Shop.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>The grpc.health.v1 service name that reports only that the process answers (deploy/k8s's liveness probe).</summary>
    public const string LivenessService = "liveness";

    /// <summary>
    /// gRPC with error mapping, the requests' declared rules checked, authentication and access policies,
    /// reflection, health and telemetry, plus the service's PostgreSQL database (connection string
    /// <c>ConnectionStrings:{database}</c>), migrated by the scripts embedded in <paramref name="migrations"/>.
    /// <paramref name="database"/> also names the service in the mesh (lower-cased: the audience of the
    /// service tokens it accepts).
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string database, System.Reflection.Assembly migrations)
    {
        builder.Services.AddSingleton<RequestValidator>();
        // Registered, the interceptors are made once; otherwise grpc-dotnet would make them anew for every call.
        builder.Services.AddSingleton<ErrorMappingInterceptor>();
        builder.Services.AddSingleton<ValidationInterceptor>();
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.Interceptors.Add<ValidationInterceptor>();
            ReceiveLimits.Apply(options);
        });
        ReceiveLimits.Apply(builder);
        UseDecodingBinder(builder.Services);
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(options =>
                // Kubernetes' liveness probe asks this one: it checks only that the process answers. The overall
                // status ("") is NOT_SERVING while the database is unreachable too: unready, not dead.
                options.Services.Map(LivenessService, check => check.Name == LivenessService))
            .AddCheck(LivenessService, () => HealthCheckResult.Healthy())
            .AddCheck<DatabaseHealthCheck>("database");
        builder.AddMeshAuthentication(database.ToLowerInvariant());
        builder.AddPostgres(database, migrations);
        builder.AddTelemetry(builder.Environment.ApplicationName);
        builder.AddKnownProxies();
        return builder;
    }

    // Grpc.AspNetCore's binder, whose undecodable requests end as UNKNOWN, gives way to ours.
    private static void UseDecodingBinder(IServiceCollection services)
    {
        var binder = services.Single(d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == "BinderServiceMethodProvider`1");
        services.Remove(binder);
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(DecodingServiceMethodProvider<>));
    }

    /// <summary>
    /// Loads the token keys (a service without the keys it needs stops here), migrates the database, believes
    /// X-Forwarded-For from known proxies only, then maps health and reflection, open to anyone, next to the
    /// service's own endpoints; request rules are compiled at start.
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseKnownProxies();
        _ = app.Services.GetRequiredService<TokenKeys>();
        _ = app.Services.GetService<TokenSigner>();
        app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        RulesPreparation.PrepareOnStart(app);
        return app;
    }
}
