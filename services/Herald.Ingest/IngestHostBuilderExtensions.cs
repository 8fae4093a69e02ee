using Herald.ServiceDefaults;
using Microsoft.Extensions.Hosting;

namespace Herald.Ingest;

/// <summary>The ingest role: accepts audit records over HTTP.</summary>
public static class IngestHostBuilderExtensions
{
    /// <summary>Adds the ingest settings; map the routes with <see cref="IngestEndpoints.MapIngestEndpoints"/>.</summary>
    public static IHostApplicationBuilder AddHeraldIngest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<IngestOptions>(IngestOptions.Section);
        builder.Services.AddHeraldHttpDefaults();
        return builder;
    }
}
