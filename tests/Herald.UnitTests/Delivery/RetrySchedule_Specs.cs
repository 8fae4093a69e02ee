using Herald.Delivery;
using Herald.ServiceDefaults;

namespace Herald.UnitTests.Delivery;

public sealed class When_parsing_a_retry_schedule
{
    [Test]
    public void Should_parse_the_default_schedule()
    {
        var schedule = RetrySchedule.Parse(new DeliveryOptions().RetrySchedule);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(schedule.Delays, Is.EqualTo(new[]
            {
                TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
                TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
            }));
            Assert.That(schedule.MaxAttempts, Is.EqualTo(8));
        }
    }

    [Test]
    public void Should_accept_every_unit_and_spaces_around_entries()
    {
        var schedule = RetrySchedule.Parse(" 250ms, 1s ,2m,3h,1d ");

        Assert.That(schedule.Delays, Is.EqualTo(new[]
        {
            TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2), TimeSpan.FromHours(3), TimeSpan.FromDays(1),
        }));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(",,")]
    [TestCase("5x")]
    [TestCase("0s,5")]
    [TestCase("s")]
    [TestCase("-5s")]
    [TestCase("1.5s")]
    [TestCase("5 s")]
    [TestCase("9999999s")]
    public void Should_reject_bad_input_with_a_message_naming_the_setting(string value)
    {
        var exception = Assert.Throws<InvalidSettingException>(() => RetrySchedule.Parse(value));

        Assert.That(exception.Message, Does.Contain("Delivery:RetrySchedule"));
    }
}

public sealed class When_computing_the_next_attempt
{
    private static readonly DateTimeOffset Now = new(2025, 11, 12, 12, 0, 0, TimeSpan.Zero);
    private readonly RetrySchedule schedule = RetrySchedule.Parse("0s,5s,5m,30m,2h,5h,10h,10h");

    [Test]
    public void Should_use_the_delay_of_the_next_attempt_without_jitter()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(schedule.NextAttemptAt(0, Now, 0, 0.5), Is.EqualTo(Now));
            Assert.That(schedule.NextAttemptAt(1, Now, 0, 0.5), Is.EqualTo(Now.AddSeconds(5)));
            Assert.That(schedule.NextAttemptAt(2, Now, 0, 0.5), Is.EqualTo(Now.AddMinutes(5)));
            Assert.That(schedule.NextAttemptAt(7, Now, 0, 0.5), Is.EqualTo(Now.AddHours(10)));
        }
    }

    [Test]
    public void Should_take_off_the_whole_jitter_when_random_is_zero()
    {
        Assert.That(schedule.NextAttemptAt(2, Now, 0.1, 0), Is.EqualTo(Now.AddMinutes(4.5)));
    }

    [Test]
    public void Should_add_almost_the_whole_jitter_when_random_is_nearly_one()
    {
        var next = schedule.NextAttemptAt(2, Now, 0.1, 0.999_999_9);

        Assert.That(next, Is.EqualTo(Now.AddMinutes(5.5)).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public void Should_stay_within_the_jitter_bounds_for_any_random()
    {
        var randoms = Enumerable.Range(0, 100).Select(i => i / 100.0);

        Assert.That(randoms.Select(r => schedule.NextAttemptAt(1, Now, 0.2, r)!.Value),
            Is.All.InRange(Now.AddSeconds(4), Now.AddSeconds(6)));
    }

    [Test]
    public void Should_give_no_next_attempt_after_the_last_one()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(schedule.NextAttemptAt(8, Now, 0.1, 0.5), Is.Null);
            Assert.That(schedule.NextAttemptAt(9, Now, 0.1, 0.5), Is.Null);
            Assert.That(RetrySchedule.Parse("0s").NextAttemptAt(1, Now, 0, 0), Is.Null);
        }
    }
}

public sealed class When_validating_delivery_options
{
    private static IEnumerable<string> Failures(DeliveryOptions options) =>
        new DeliveryOptionsValidator().Validate(null, options).Failures ?? [];

    [Test]
    public void Should_accept_the_defaults()
    {
        Assert.That(new DeliveryOptionsValidator().Validate(null, new DeliveryOptions()).Succeeded, Is.True);
    }

    [Test]
    public void Should_name_a_schedule_that_does_not_parse()
    {
        Assert.That(Failures(new DeliveryOptions { RetrySchedule = "5x" }), Has.One.Contains("Delivery:RetrySchedule"));
    }

    [Test]
    public void Should_require_the_lease_to_outlast_an_attempt()
    {
        var options = new DeliveryOptions { Timeout = TimeSpan.FromMinutes(3), DispatchLease = TimeSpan.FromMinutes(3) };

        Assert.That(Failures(options), Has.One.Contains("Delivery:DispatchLease").And.Contains("Delivery:Timeout"));
    }

    [Test]
    public void Should_require_the_connect_timeout_within_the_timeout()
    {
        var options = new DeliveryOptions { ConnectTimeout = TimeSpan.FromSeconds(20), Timeout = TimeSpan.FromSeconds(10) };

        Assert.That(Failures(options), Has.One.Contains("Delivery:ConnectTimeout"));
    }

    [Test]
    public void Should_report_every_failure_at_once()
    {
        var options = new DeliveryOptions
        {
            RetrySchedule = "", ConnectTimeout = TimeSpan.FromMinutes(1), Timeout = TimeSpan.FromSeconds(30), DispatchLease = TimeSpan.FromSeconds(5),
        };

        Assert.That(Failures(options).ToList(), Has.Count.EqualTo(3));
    }
}
