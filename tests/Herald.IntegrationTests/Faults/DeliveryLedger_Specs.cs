using Herald.Storage;

namespace Herald.IntegrationTests.Faults;

/// <summary>The checker itself, on synthetic data: a checker that always says 0 must fail here.</summary>
[TestFixture]
[Category("Faults")]
public sealed class When_the_ledger_checks_a_run
{
    private static readonly LedgerPair A1 = new("evt_1", "/hooks/a");
    private static readonly LedgerPair B1 = new("evt_1", "/hooks/b");
    private static readonly LedgerPair A2 = new("evt_2", "/hooks/a");
    private static readonly LedgerPair B2 = new("evt_2", "/hooks/b");
    private static readonly LedgerPair[] Expected = [A1, B1, A2, B2];

    [Test]
    public void Should_count_nothing_when_every_pair_was_delivered_once_and_recorded()
    {
        var ledger = DeliveryLedger.Check(Expected, Expected.Select(p => Ok(p)).ToList(), Expected.Select(p => Succeeded(p)).ToList());

        Assert.That(ledger.ToString(), Is.EqualTo("ledger: events=2 webhooks=2 pairs=4 lost=0 duplicates=0 unexpected=0 unrecorded=0 foreign_ids=0 requests=4"));
    }

    [Test]
    public void Should_count_a_pair_never_accepted_as_lost_even_when_the_store_says_succeeded()
    {
        var requests = new[] { Ok(A1), Ok(B1), Ok(A2), Refused(B2) };

        var ledger = DeliveryLedger.Check(Expected, requests, Expected.Select(p => Succeeded(p)).ToList());

        Assert.That(ledger.Lost, Is.EqualTo(new[] { B2 }));
        Assert.That(ledger.Duplicates, Is.Zero);
    }

    [Test]
    public void Should_count_a_pair_accepted_but_not_succeeded_in_the_store_as_lost()
    {
        var stored = new[] { Succeeded(A1), Succeeded(B1), Succeeded(A2), Succeeded(B2) with { State = DeliveryState.Retrying } };

        var ledger = DeliveryLedger.Check(Expected, Expected.Select(p => Ok(p)).ToList(), stored);

        Assert.That(ledger.Lost, Is.EqualTo(new[] { B2 }));
    }

    [Test]
    public void Should_count_accepted_requests_beyond_one_per_pair_as_duplicates_but_not_retries_after_a_refusal()
    {
        var requests = new[] { Refused(A1), Ok(A1), Ok(B1), Ok(B1), Ok(B1), Ok(A2), Ok(B2) };

        var ledger = DeliveryLedger.Check(Expected, requests, Expected.Select(p => Succeeded(p)).ToList());

        Assert.That(ledger.Duplicates, Is.EqualTo(2));
        Assert.That(ledger.Lost, Is.Empty);
        Assert.That(ledger.ToString(), Does.Contain("duplicates=2").And.Contain("requests=7"));
    }

    [Test]
    public void Should_count_requests_for_pairs_not_expected_and_unreadable_bodies_as_unexpected()
    {
        var strangers = new[] { Ok(new LedgerPair("evt_3", "/hooks/a")), Ok(new LedgerPair("evt_1", "/hooks/c")), new LedgerRequest("/hooks/a", "msg_x", null, 200) };

        var ledger = DeliveryLedger.Check(Expected, [.. Expected.Select(p => Ok(p)), .. strangers], Expected.Select(p => Succeeded(p)).ToList());

        Assert.That(ledger.Unexpected, Is.EqualTo(strangers));
        Assert.That(ledger.Duplicates, Is.Zero);
    }

    [Test]
    public void Should_count_pairs_without_an_attempt_record_as_unrecorded()
    {
        var stored = new[]
        {
            Succeeded(A1),
            Succeeded(B1) with { Attempts = 0, SucceededAttempts = 0 },
            Succeeded(A2) with { Attempts = 2, SucceededAttempts = 0 },
        };

        var ledger = DeliveryLedger.Check(Expected, Expected.Select(p => Ok(p)).ToList(), stored);

        Assert.That(ledger.Unrecorded, Is.EquivalentTo(new[] { B1, A2, B2 }));
        Assert.That(ledger.Lost, Is.EqualTo(new[] { B2 }), "B2 has no delivery in the store");
    }

    [Test]
    public void Should_flag_a_duplicate_that_carries_another_webhook_id()
    {
        var requests = new[] { Ok(A1), Ok(A1) with { WebhookId = "msg_other" }, Ok(B1), Ok(A2), Ok(B2) };

        var ledger = DeliveryLedger.Check(Expected, requests, Expected.Select(p => Succeeded(p)).ToList());

        Assert.That(ledger.Duplicates, Is.EqualTo(1));
        Assert.That(ledger.ForeignIds, Is.EqualTo(new[] { requests[1] }));
    }

    private static string DeliveryId(LedgerPair pair) => Ids.Delivery(pair.EventId, pair.Path);

    private static LedgerRequest Ok(LedgerPair pair) => new(pair.Path, DeliveryId(pair), pair.EventId, 200);

    private static LedgerRequest Refused(LedgerPair pair) => new(pair.Path, DeliveryId(pair), pair.EventId, 500);

    private static StoredPair Succeeded(LedgerPair pair) => new(pair, DeliveryId(pair), DeliveryState.Succeeded, 1, 1);
}
