namespace Herald.ServiceDefaults;

/// <summary>The <c>Telemetry</c> section. OTLP export is configured with the standard <c>OTEL_EXPORTER_OTLP_*</c> variables.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Telemetry";

    /// <summary>Write spans and metrics to the console as well.</summary>
    public bool Console { get; set; }

    /// <summary>The OTLP endpoint; when empty, <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> decides, and without it nothing is exported over OTLP.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The protocol for <see cref="OtlpEndpoint"/>: <c>grpc</c> or <c>http/protobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";
}
