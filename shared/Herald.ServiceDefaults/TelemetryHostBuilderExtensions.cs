using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Herald.ServiceDefaults;

/// <summary>OpenTelemetry for every role: Herald's, MassTransit's, HttpClient's and ASP.NET Core's spans and metrics.</summary>
public static class TelemetryHostBuilderExtensions
{
    private const string MassTransitSource = "MassTransit";
    private const string HttpClientSource = "System.Net.Http";

    /// <summary>
    /// Adds tracing and metrics. OTLP export is on when <c>Telemetry:OtlpEndpoint</c> (with
    /// <c>Telemetry:OtlpProtocol</c>) or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set;
    /// console export when <c>Telemetry:Console</c> is true.
    /// </summary>
    public static IHostApplicationBuilder AddHeraldTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing =>
            {
                // HttpClient spans come from the runtime's own "System.Net.Http" source rather than
                // AddHttpClientInstrumentation: that instrumentation injects traceparent itself with
                // the SDK's propagator, ignoring the handler's ActivityHeadersPropagator, so webhook
                // requests would carry Herald's trace headers to customers.
                tracing.AddSource(HeraldTelemetry.Name, MassTransitSource, HttpClientSource)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"));
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

        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            if (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
            {
                throw new InvalidSettingException($"Telemetry:OtlpEndpoint: '{options.OtlpEndpoint}' is not an absolute URL such as http://localhost:4317.");
            }

            otel.UseOtlpExporter(options.OtlpProtocol switch
            {
                "grpc" => OpenTelemetry.Exporter.OtlpExportProtocol.Grpc,
                "http/protobuf" => OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf,
                _ => throw new InvalidSettingException($"Telemetry:OtlpProtocol: '{options.OtlpProtocol}' is not grpc or http/protobuf."),
            }, endpoint);
        }
        else if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // The standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers) decide.
            otel.UseOtlpExporter();
        }

        return builder;
    }
}
