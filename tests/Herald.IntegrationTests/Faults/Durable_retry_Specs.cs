using Herald.Host;
using Herald.IntegrationTests.Support;
using Herald.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.IntegrationTests.Faults;

/// <summary>
/// A retry is scheduled in the store, not in the broker or in memory: it survives a restart of
/// every Herald process and of RabbitMQ, and of the one embedded process on the in-memory transport.
/// </summary>
[Category("Faults")]
public sealed class When_everything_restarts_while_a_retry_is_scheduled
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static LoopbackReceiver FailFirst(LoopbackReceiver receiver)
    {
        var seen = 0;
        receiver.Respond = (_, context) =>
        {
            context.Response.StatusCode = Interlocked.Increment(ref seen) == 1 ? 500 : 200;
            return Task.CompletedTask;
        };
        return receiver;
    }

    private static async Task WaitForRetryingAsync(HeraldClient client, string org, string webhookId) =>
        await Wait.Eventually(async () =>
        {
            var item = (await client.ListEventsAsync(org, webhookId))["items"]![0]!;
            Assert.That((item["outcome"]!.GetValue<string>(), item["attempt_count"]!.GetValue<int>()), Is.EqualTo(("retrying", 1)));
        }, Timeout);

    [Test]
    public async Task Should_make_the_retry_after_every_process_and_rabbitmq_restarted()
    {
        var broker = await RabbitMqBroker.GetAsync();
        var restarter = BrokerRestarter.For(broker);
        await using var vhost = await broker.CreateVirtualHostAsync("durable");
        using var database = new TempDatabase();
        await using var receiver = FailFirst(await LoopbackReceiver.StartAsync());
        string[] settings = ["--Transport", "RabbitMq", "--RabbitMq:Url", vhost.Url.ToString(), "--Sqlite:Path", database.Path,
            "--Delivery:RetrySchedule", "0s,4s", "--Delivery:RetryJitter", "0", "--Delivery:SchedulerInterval", "00:00:00.200"];
        var processes = new[] { "ingest,api", "fanout", "delivery" }.Select(roles => HeraldProcess.Start(roles, settings)).ToList();
        try
        {
            await Task.WhenAll(processes.Select(p => p.WaitUntilHealthyAsync(Timeout)));
            var org = AuditRecords.NewOrganization();
            var webhookId = (await processes[0].Client.CreateWebhookAsync(org, receiver.UrlFor("/hook")))["id"]!.GetValue<string>();
            await processes[0].Client.AcceptAuditLogAsync(AuditRecords.Valid(Guid.NewGuid(), org));
            await WaitForRetryingAsync(processes[0].Client, org, webhookId);

            await Task.WhenAll(processes.Select(p => p.KillAsync()));
            await restarter.RestartAsync();
            for (var i = 0; i < processes.Count; i++)
            {
                processes[i] = await processes[i].RestartAsync();
            }

            await Task.WhenAll(processes.Select(p => p.WaitUntilHealthyAsync(Timeout)));
            await receiver.WaitForAsync(2, Timeout);
            var ids = receiver.Requests.Select(r => r.Header("webhook-id").Single()).ToList();
            Assert.That(ids.Distinct().Count(), Is.EqualTo(1), "the retry carries the same webhook-id");
            await Wait.Eventually(async () =>
                Assert.That((await processes[0].Client.ListEventsAsync(org, webhookId))["items"]![0]!["outcome"]!.GetValue<string>(), Is.EqualTo("succeeded")), Timeout);
        }
        finally
        {
            await restarter.StartAsync();
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task Should_make_the_retry_after_the_embedded_process_restarted()
    {
        using var database = new TempDatabase();
        await using var receiver = FailFirst(await LoopbackReceiver.StartAsync());
        string[] args = ["--urls", "http://127.0.0.1:0", "--Transport", "InMemory", "--Sqlite:Path", database.Path, "--Security:AdminKey", TestKeys.Admin,
            "--Security:AllowedNetworks", "127.0.0.0/8", "--Delivery:RetrySchedule", "0s,3s", "--Delivery:RetryJitter", "0",
            "--Delivery:SchedulerInterval", "00:00:00.200", "--Logging:LogLevel:Default", "Warning"];
        var org = AuditRecords.NewOrganization();
        string webhookId;
        await using (var first = await StartAsync(args))
        {
            webhookId = (await first.Client.CreateWebhookAsync(org, receiver.UrlFor("/hook")))["id"]!.GetValue<string>();
            await first.Client.AcceptAuditLogAsync(AuditRecords.Valid(Guid.NewGuid(), org));
            await WaitForRetryingAsync(first.Client, org, webhookId);
        }

        Assert.That(receiver.Requests, Has.Count.EqualTo(1), "nothing is retried while Herald is down");
        await using var second = await StartAsync(args);
        await receiver.WaitForAsync(2, Timeout);
        Assert.That(receiver.Requests.Select(r => r.Header("webhook-id").Single()).Distinct().Count(), Is.EqualTo(1));
        await Wait.Eventually(async () =>
            Assert.That((await second.Client.ListEventsAsync(org, webhookId))["items"]![0]!["outcome"]!.GetValue<string>(), Is.EqualTo("succeeded")), Timeout);
    }

    private static async Task<RunningApp> StartAsync(string[] args)
    {
        var app = HeraldApp.Build(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, new HeraldClient(new Uri(address)));
    }

    private sealed record RunningApp(Microsoft.AspNetCore.Builder.WebApplication App, HeraldClient Client) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
