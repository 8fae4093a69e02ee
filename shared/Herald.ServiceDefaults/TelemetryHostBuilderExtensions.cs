using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Herald.ServiceDefaults;

/// <summary>OpenTelemetry for every role: Herald's, MassTransit's, HttpClient's and ASP.NET Core's spans and metrics.</summary>
public static class TelemetryHostBuilderExtensions
{
    private const string MassTransitSource = "MassTransit";

    /// <summary>
    /// Adds tracing and metrics. OTLP export is on when <c>Telemetry:OtlpEndpoint</c> or
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; console export when <c>Telemetry:Console</c> is true.
    /// </summary>
    public static IHostApplicationBuilder AddHeraldTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

        // OpenTelemetry's HttpClient instrumentation injects traceparent and baggage itself unless the
        // default propagator is the plain W3C one, bypassing the handler's propagator, with which the
        // webhook clients send no trace headers to customer endpoints. With the W3C propagator it
        // leaves propagation to the runtime's handler (W3C as well), so other calls still carry it.
        Sdk.SetDefaultTextMapPropagator(new TraceContextPropagator());
        var otlpEndpoint = options.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing =>
            {
                tracing.AddSource(HeraldTelemetry.Name, MassTransitSource)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                    .AddHttpClientInstrumentation();
                if (options.Console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(HeraldTelemetry.Name, MassTransitSource)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (options.Console)
                {
                    metrics.AddConsoleExporter();
                }
            });

        if (!string.IsNullOrWhiteSpace(otlpEndpoint))
        {
            otel.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(otlpEndpoint));
        }

        return builder;
    }
}
