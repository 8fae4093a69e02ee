using System.ComponentModel.DataAnnotations;

namespace Herald.Ingest;

/// <summary>The <c>Ingest</c> section.</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ingest";

    /// <summary>Largest audit record accepted, in bytes; larger ones get 413.</summary>
    [Range(1_024, 1_048_576, ErrorMessage = "Ingest:MaxRecordBytes must be between 1024 and 1048576.")]
    public int MaxRecordBytes { get; set; } = 64 * 1024;

    /// <summary>Longest accepted text field, in characters.</summary>
    [Range(16, 65_536, ErrorMessage = "Ingest:MaxFieldLength must be between 16 and 65536.")]
    public int MaxFieldLength { get; set; } = 4_096;

    /// <summary>How long ingest keeps trying to hand a record to the broker before answering 503.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Ingest:BrokerTimeout must be between 00:00:01 and 00:01:00.")]
    public TimeSpan BrokerTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
