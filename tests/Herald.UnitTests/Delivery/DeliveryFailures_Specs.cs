using System.Net;
using System.Net.Sockets;
using Herald.Contracts;
using Herald.Storage;
using Microsoft.AspNetCore.Http;

namespace Herald.UnitTests.Delivery;

public sealed class When_the_endpoint_fails : DeliveryRig
{
    private TaskCompletionSource gate = null!;

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Delivery:RetrySchedule"] = "0s,5s,5m",
        ["Delivery:Timeout"] = "00:00:00.300",
        ["Delivery:ConnectTimeout"] = "00:00:00.200",
        ["Delivery:ResponseBodyLimit"] = "16",
    };

    // NUnit keeps one fixture instance for all its tests, so the gate is renewed for each.
    [SetUp]
    public void CloseSlowEndpoint() => gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [TearDown]
    public void ReleaseSlowEndpoint() => gate.TrySetResult();

    private async Task<(Storage.Delivery Delivery, DeliveryAttempt Attempt)> AttemptAsync(string url, int number = 1)
    {
        await AddWebhookAsync(url);
        var delivery = await AddDeliveryAsync(state: number == 1 ? DeliveryState.Pending : DeliveryState.Retrying, attempts: number - 1);
        await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, number), Ct);
        return (await StoredAsync(delivery.Id), (await Attempts.ListByDeliveryAsync(delivery.Id, Ct)).Single());
    }

    [Test]
    public async Task Should_store_a_500_and_retry_at_the_next_scheduled_time()
    {
        Receiver.Respond = (_, context) => { context.Response.StatusCode = 500; return context.Response.WriteAsync("boom"); };

        var (delivery, attempt) = await AttemptAsync(Receiver.UrlFor("/hook"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(attempt.Succeeded, Is.False);
            Assert.That(attempt.ErrorKind, Is.EqualTo(AttemptErrorKind.HttpStatus));
            Assert.That(attempt.Error, Does.Contain("500"));
            Assert.That(attempt.Response!.StatusCode, Is.EqualTo(500));
            Assert.That(attempt.Response.Body, Is.EqualTo("boom"));
            Assert.That(delivery.State, Is.EqualTo(DeliveryState.Retrying));
            Assert.That(delivery.AttemptCount, Is.EqualTo(1));
            Assert.That(delivery.NextAttemptAt, Is.EqualTo(T0.AddSeconds(5)));
            Assert.That(delivery.LastStatusCode, Is.EqualTo(500));
            Assert.That(delivery.LastError, Is.EqualTo(attempt.Error));
        }
    }

    [Test]
    public async Task Should_fail_the_delivery_when_the_last_scheduled_attempt_fails()
    {
        Receiver.Respond = (_, context) => { context.Response.StatusCode = 503; return Task.CompletedTask; };

        var (delivery, attempt) = await AttemptAsync(Receiver.UrlFor("/hook"), number: 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(attempt.Number, Is.EqualTo(3));
            Assert.That(delivery.State, Is.EqualTo(DeliveryState.Failed));
            Assert.That(delivery.AttemptCount, Is.EqualTo(3));
            Assert.That(delivery.NextAttemptAt, Is.Null);
        }
    }

    [Test]
    public async Task Should_store_a_large_response_body_truncated_at_the_limit()
    {
        Receiver.Respond = (_, context) => context.Response.WriteAsync(new string('x', 100));

        var (delivery, attempt) = await AttemptAsync(Receiver.UrlFor("/hook"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(delivery.State, Is.EqualTo(DeliveryState.Succeeded));
            Assert.That(attempt.Response!.Body, Is.EqualTo(new string('x', 16)));
            Assert.That(attempt.Response.BodyTruncated, Is.True);
        }
    }

    [Test]
    public async Task Should_report_a_refused_connection()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (delivery, attempt) = await AttemptAsync($"http://127.0.0.1:{port}/hook");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(attempt.ErrorKind, Is.EqualTo(AttemptErrorKind.ConnectionFailed));
            Assert.That(attempt.Error, Does.Contain("refused"));
            Assert.That(attempt.Response, Is.Null);
            Assert.That(delivery.State, Is.EqualTo(DeliveryState.Retrying));
        }
    }

    [Test]
    public async Task Should_report_a_timeout_when_the_endpoint_is_slower_than_allowed()
    {
        Receiver.Respond = async (_, context) => await gate.Task.WaitAsync(context.RequestAborted);

        var (delivery, attempt) = await AttemptAsync(Receiver.UrlFor("/slow")).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(attempt.ErrorKind, Is.EqualTo(AttemptErrorKind.Timeout));
            Assert.That(attempt.Error, Does.Contain("0.3 s"));
            Assert.That(delivery.State, Is.EqualTo(DeliveryState.Retrying));
        }
    }

    [Test]
    public async Task Should_not_follow_a_redirect()
    {
        Receiver.Respond = (_, context) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = Receiver.UrlFor("/elsewhere");
            return Task.CompletedTask;
        };

        var (delivery, attempt) = await AttemptAsync(Receiver.UrlFor("/hook"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Receiver.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/hook" }));
            Assert.That(attempt.Succeeded, Is.False);
            Assert.That(attempt.ErrorKind, Is.EqualTo(AttemptErrorKind.HttpStatus));
            Assert.That(attempt.Response!.StatusCode, Is.EqualTo(302));
            Assert.That(delivery.State, Is.EqualTo(DeliveryState.Retrying));
        }
    }
}
