using Herald.Security;
using Herald.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Ingest;

/// <summary>The ingest role: accepts audit records over HTTP.</summary>
public static class IngestHostBuilderExtensions
{
    /// <summary>The DI key of the pipeline that hands records to the broker.</summary>
    public const string BrokerPipelineKey = "herald-ingest-broker";

    /// <summary>Adds the ingest settings; map the routes with <see cref="IngestEndpoints.MapIngestEndpoints"/>.</summary>
    public static IHostApplicationBuilder AddHeraldIngest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<IngestOptions>(IngestOptions.Section);
        builder.Services.AddHeraldHttpDefaults();
        builder.Services.AddHeraldAuthentication();
        builder.Services.AddKeyedSingleton(BrokerPipelineKey, (sp, _) =>
            BrokerSendPipeline.Create(sp.GetRequiredService<IOptions<IngestOptions>>().Value.BrokerTimeout, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
