using Herald.Host;
using Herald.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.IntegrationTests.Support;

/// <summary>Herald in this process, built by <see cref="HeraldApp.Build"/> on a free loopback port with its own SQLite file.</summary>
public sealed class HeraldHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TempDatabase database;

    private HeraldHost(WebApplication app, TempDatabase database, Uri address)
    {
        this.app = app;
        this.database = database;
        Client = new HeraldClient(address);
    }

    /// <summary>Herald's HTTP API.</summary>
    public HeraldClient Client { get; }

    /// <summary>The application's services.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>Starts every role on the in-memory transport.</summary>
    public static Task<HeraldHost> StartInMemoryAsync(params string[] settings) =>
        StartAsync(["--Transport", "InMemory", .. settings]);

    /// <summary>Starts Herald on RabbitMQ at <paramref name="vhost"/>; all roles unless <c>--Roles</c> is in <paramref name="settings"/>.</summary>
    public static Task<HeraldHost> StartOnRabbitMqAsync(RabbitMqVirtualHost vhost, params string[] settings) =>
        StartOnRabbitMqAsync(vhost, warnings: null, settings);

    /// <summary>As above, also handing the host's warnings to <paramref name="warnings"/>.</summary>
    public static Task<HeraldHost> StartOnRabbitMqAsync(RabbitMqVirtualHost vhost, WarningLog? warnings, params string[] settings)
    {
        ArgumentNullException.ThrowIfNull(vhost);
        return StartAsync(["--Transport", "RabbitMq", "--RabbitMq:Url", vhost.Url.ToString(), .. settings], warnings);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await app.StopAsync(limit.Token);
        }

        await app.DisposeAsync();
        database.Dispose();
    }

    private static async Task<HeraldHost> StartAsync(string[] settings, WarningLog? warnings = null)
    {
        var database = new TempDatabase();
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--Sqlite:Path", database.Path, "--Security:AllowedNetworks", "127.0.0.0/8,::1/128", "--Security:AdminKey", TestKeys.Admin,
            "--Logging:LogLevel:Default", "Warning", .. settings,
        ];
        var app = HeraldApp.Build(args, builder =>
        {
            if (warnings is not null)
            {
                builder.Logging.AddProvider(warnings);
            }
        });
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StartAsync(limit.Token);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HeraldHost(app, database, new Uri(address));
    }
}
