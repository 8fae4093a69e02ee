using Herald.Delivery;
using Herald.Storage;

namespace Herald.UnitTests.Delivery;

public static class AttemptOutcomeData
{
    public static readonly DateTimeOffset Now = new(2025, 11, 12, 12, 0, 0, TimeSpan.Zero);
    public static readonly RetrySchedule Schedule = RetrySchedule.Parse("0s,5s,5m");
    public static readonly DeliveryOptions Options = new() { RetryJitter = 0, MaxRetryAfter = TimeSpan.FromMinutes(10) };

    public static SendResult Answer(int status, params (string Key, string Value)[] headers) => new()
    {
        Request = new AttemptRequest("https://example.test/hook", "POST", [], "evt_1"),
        Response = new AttemptResponse(status, headers.Select(h => new WebhookHeader(h.Key, h.Value)).ToList(), "", false),
        Succeeded = status is >= 200 and < 300,
        ErrorKind = status is >= 200 and < 300 ? null : AttemptErrorKind.HttpStatus,
        StartedAt = Now,
        CompletedAt = Now,
        Duration = TimeSpan.FromMilliseconds(5),
    };

    public static (DeliveryState State, DateTimeOffset? Next) Decide(SendResult result, int attempt = 1) =>
        AttemptOutcome.Decide(result, attempt, Now, Schedule, Options, random: 0.5);
}

public class When_an_attempt_gets_an_answer
{
    [TestCase(200)]
    [TestCase(204)]
    [TestCase(299)]
    public void Should_succeed_on_2xx(int status) =>
        Assert.That(AttemptOutcomeData.Decide(AttemptOutcomeData.Answer(status)), Is.EqualTo((DeliveryState.Succeeded, (DateTimeOffset?)null)));

    [TestCase(302)]
    [TestCase(400)]
    [TestCase(500)]
    public void Should_retry_other_statuses_on_the_schedule(int status) =>
        Assert.That(AttemptOutcomeData.Decide(AttemptOutcomeData.Answer(status)),
            Is.EqualTo((DeliveryState.Retrying, (DateTimeOffset?)AttemptOutcomeData.Now.AddSeconds(5))));

    [Test]
    public void Should_fail_when_the_schedule_is_exhausted() =>
        Assert.That(AttemptOutcomeData.Decide(AttemptOutcomeData.Answer(500), attempt: 3), Is.EqualTo((DeliveryState.Failed, (DateTimeOffset?)null)));

    [Test]
    public void Should_park_on_410_gone_even_with_attempts_left() =>
        Assert.That(AttemptOutcomeData.Decide(AttemptOutcomeData.Answer(410)).State, Is.EqualTo(DeliveryState.Parked));
}

public class When_an_endpoint_asks_to_retry_after
{
    [Test]
    public void Should_wait_the_seconds_a_429_asks_for_when_longer_than_the_schedule() =>
        Assert.That(AttemptOutcomeData.Decide(AttemptOutcomeData.Answer(429, ("Retry-After", "120"))).Next,
            Is.EqualTo(AttemptOutcomeData.Now.AddSeconds(120)));

    [Test]
    public void Should_honour_an_http_date_on_503() =>
        Assert.That(AttemptOutcomeData.Decide(AttemptOutcomeData.Answer(503, ("Retry-After", "Wed, 12 Nov 2025 12:03:00 GMT"))).Next,
            Is.EqualTo(AttemptOutcomeData.Now.AddMinutes(3)));

    [Test]
    public void Should_cap_the_wait_at_max_retry_after() =>
        Assert.That(AttemptOutcomeData.Decide(AttemptOutcomeData.Answer(429, ("Retry-After", "86400"))).Next,
            Is.EqualTo(AttemptOutcomeData.Now.AddMinutes(10)));

    [Test]
    public void Should_keep_the_schedule_when_it_is_longer_than_retry_after() =>
        Assert.That(AttemptOutcomeData.Decide(AttemptOutcomeData.Answer(429, ("Retry-After", "1"))).Next,
            Is.EqualTo(AttemptOutcomeData.Now.AddSeconds(5)));

    [Test]
    public void Should_ignore_retry_after_on_other_statuses() =>
        Assert.That(AttemptOutcomeData.Decide(AttemptOutcomeData.Answer(500, ("Retry-After", "120"))).Next,
            Is.EqualTo(AttemptOutcomeData.Now.AddSeconds(5)));

    [TestCase("soon")]
    [TestCase("")]
    [TestCase("-5")]
    public void Should_ignore_an_unreadable_retry_after(string value) =>
        Assert.That(AttemptOutcome.RetryAfter([new WebhookHeader("Retry-After", value)], AttemptOutcomeData.Now), Is.Null);

    [Test]
    public void Should_still_fail_when_the_schedule_is_exhausted() =>
        Assert.That(AttemptOutcomeData.Decide(AttemptOutcomeData.Answer(429, ("Retry-After", "60")), attempt: 3).State, Is.EqualTo(DeliveryState.Failed));
}
