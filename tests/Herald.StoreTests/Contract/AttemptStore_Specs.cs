using Herald.Storage;
using static Herald.StoreTests.Contract.StoredRecords;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Contract;

public abstract class When_storing_attempts(IStoreTestEngine engine) : StoreContract(engine)
{
    private static readonly string DeliveryId = Ids.Delivery("evt_1", "wh_1");

    [Test]
    public async Task Should_round_trip_an_attempt_with_a_response()
    {
        var attempt = Attempt(1) with
        {
            Response = new AttemptResponse(
                503,
                [new("Retry-After", "30"), new("Content-Type", "text/plain"), new("Retry-After", "60")],
                "Service Unavailable: try again läter",
                BodyTruncated: true),
            Succeeded = false,
            ErrorKind = AttemptErrorKind.HttpStatus,
            Error = "HTTP 503 Service Unavailable",
        };
        await Attempts.AddAsync(attempt, Ct);

        var listed = await Attempts.ListByDeliveryAsync(DeliveryId, Ct);

        Assert.That(listed, Has.Count.EqualTo(1));
        AssertSame(listed[0], attempt);
        Assert.That(listed[0].Duration.Ticks, Is.EqualTo(attempt.Duration.Ticks));
    }

    [Test]
    public async Task Should_round_trip_an_attempt_without_a_response()
    {
        var attempt = Attempt(1) with { Response = null, Succeeded = false, ErrorKind = AttemptErrorKind.Timeout, Error = "timed out after 15 s", TraceId = null };
        await Attempts.AddAsync(attempt, Ct);

        var listed = await Attempts.ListByDeliveryAsync(DeliveryId, Ct);

        Assert.That(listed, Has.Count.EqualTo(1));
        Assert.That(listed[0].Response, Is.Null);
        AssertSame(listed[0], attempt);
    }

    [Test]
    public async Task Should_round_trip_a_successful_attempt()
    {
        var attempt = Attempt(1) with { Response = new AttemptResponse(204, [], "", false), Succeeded = true };
        await Attempts.AddAsync(attempt, Ct);

        AssertSame((await Attempts.ListByDeliveryAsync(DeliveryId, Ct)).Single(), attempt);
    }

    [Test]
    public async Task Should_list_a_deliverys_attempts_by_number()
    {
        await Attempts.AddAsync(Attempt(3), Ct);
        await Attempts.AddAsync(Attempt(1), Ct);
        await Attempts.AddAsync(Attempt(1) with { Id = "att_other", DeliveryId = Ids.Delivery("evt_1", "wh_2"), WebhookId = "wh_2" }, Ct);
        await Attempts.AddAsync(Attempt(2), Ct);

        var listed = await Attempts.ListByDeliveryAsync(DeliveryId, Ct);

        Assert.That(listed.Select(a => a.Number), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(await Attempts.ListByDeliveryAsync("msg_missing", Ct), Is.Empty);
    }

    [Test]
    public async Task Should_list_attempts_with_the_same_number_and_start_in_id_order()
    {
        // Two workers that raced for one attempt can both record it.
        await Attempts.AddAsync(Attempt(1) with { Id = "att_b" }, Ct);
        await Attempts.AddAsync(Attempt(1) with { Id = "att_c" }, Ct);
        await Attempts.AddAsync(Attempt(1) with { Id = "att_a" }, Ct);

        var listed = await Attempts.ListByDeliveryAsync(DeliveryId, Ct);

        Assert.That(listed.Select(a => a.Id), Is.EqualTo(new[] { "att_a", "att_b", "att_c" }));
    }

    private static DeliveryAttempt Attempt(int number) => TestData.Attempt("evt_1", "wh_1", number);
}
