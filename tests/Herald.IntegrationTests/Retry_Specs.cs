using Herald.IntegrationTests.Support;
using Herald.Testing;

namespace Herald.IntegrationTests;

/// <summary>The store-driven retry scheduler on RabbitMQ: an endpoint that fails once gets the same delivery again.</summary>
[TestFixture]
[Category("Integration")]
public sealed class When_an_endpoint_fails_once_over_RabbitMq
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private RabbitMqVirtualHost? vhost;
    private LoopbackReceiver? receiver;
    private HeraldHost? herald;
    private int answered;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        vhost = await (await RabbitMqBroker.GetAsync()).CreateVirtualHostAsync("retry");
        receiver = await LoopbackReceiver.StartAsync();
        receiver.Respond = (_, context) =>
        {
            context.Response.StatusCode = Interlocked.Increment(ref answered) == 1 ? 500 : 200;
            return Task.CompletedTask;
        };
        herald = await HeraldHost.StartOnRabbitMqAsync(
            vhost, "--Delivery:RetrySchedule", "0s,1s,1s", "--Delivery:SchedulerInterval", "00:00:00.200");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (herald is not null) await herald.DisposeAsync();
        if (receiver is not null) await receiver.DisposeAsync();
        if (vhost is not null) await vhost.DisposeAsync();
    }

    [Test]
    public async Task Should_retry_the_same_delivery_and_record_both_attempts()
    {
        var org = AuditRecords.NewOrganization();
        var webhookId = (await herald!.Client.CreateWebhookAsync(org, receiver!.UrlFor("/hooks/" + org)))["id"]!.GetValue<string>();
        var id = Guid.NewGuid();

        await herald.Client.AcceptAuditLogAsync(AuditRecords.Valid(id, org));

        System.Text.Json.Nodes.JsonNode? detail = null;
        await Wait.Eventually(async () =>
        {
            detail = await herald.Client.GetEventAsync(org, webhookId, $"evt_{id}");
            Expect.True(detail["outcome"]!.GetValue<string>() == "succeeded", $"not delivered yet: {detail.ToJsonString()}");
        }, Timeout);

        var requests = receiver.Requests;
        var attempts = detail!["attempts"]!.AsArray();
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests.Select(r => r.Header("webhook-id").Single()).Distinct(), Is.EqualTo(new[] { detail["delivery_id"]!.GetValue<string>() }));
        Assert.That(attempts.Select(a => a!["number"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(attempts.Select(a => a!["response"]!["status_code"]!.GetValue<int>()), Is.EqualTo(new[] { 500, 200 }));
        Assert.That(detail["attempt_count"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(requests[1].ReceivedAt - requests[0].ReceivedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(800)), "the second attempt follows the 1 s schedule (10% jitter)");
    }
}
