using System.Globalization;
using Herald.Storage;

namespace Herald.IntegrationTests.Faults;

/// <summary>
/// The checker of the fault scenarios, after Jepsen's RabbitMQ queue checker: given the pairs that
/// must be delivered, the requests the endpoint received and what the store holds, it counts
/// <list type="bullet">
/// <item><b>lost</b>: expected pairs without an accepted (2xx) request, or whose delivery is not <c>Succeeded</c>;</item>
/// <item><b>duplicates</b>: accepted requests beyond the first of their pair (a retry after a refusal is not one);</item>
/// <item><b>unexpected</b>: requests for a pair that was not expected (unknown event or path, or an unreadable body);</item>
/// <item><b>unrecorded</b>: expected pairs with no attempt record, or succeeded without a recorded successful attempt;</item>
/// <item><b>foreign ids</b>: requests of an expected pair whose <c>webhook-id</c> is not the pair's delivery id
/// (a duplicate must carry the same id as the original).</item>
/// </list>
/// </summary>
public sealed class DeliveryLedger
{
    private DeliveryLedger(int events, int webhooks, int pairs, int requests)
    {
        Events = events;
        Webhooks = webhooks;
        Pairs = pairs;
        Requests = requests;
    }

    /// <summary>Distinct events expected.</summary>
    public int Events { get; }

    /// <summary>Distinct webhooks (paths) expected.</summary>
    public int Webhooks { get; }

    /// <summary>Expected pairs.</summary>
    public int Pairs { get; }

    /// <summary>Requests received, all answers.</summary>
    public int Requests { get; }

    /// <summary>What the store held for each pair when the ledger was taken.</summary>
    public IReadOnlyCollection<StoredPair> Stored { get; private set; } = [];

    /// <summary>Expected pairs not delivered.</summary>
    public IReadOnlyList<LedgerPair> Lost { get; private set; } = [];

    /// <summary>Accepted requests beyond one per pair.</summary>
    public int Duplicates { get; private set; }

    /// <summary>Requests for pairs that were not expected.</summary>
    public IReadOnlyList<LedgerRequest> Unexpected { get; private set; } = [];

    /// <summary>Expected pairs without an attempt record for their outcome.</summary>
    public IReadOnlyList<LedgerPair> Unrecorded { get; private set; } = [];

    /// <summary>Requests of an expected pair carrying another <c>webhook-id</c> than the pair's delivery id.</summary>
    public IReadOnlyList<LedgerRequest> ForeignIds { get; private set; } = [];

    /// <summary>Checks <paramref name="requests"/> and <paramref name="stored"/> against <paramref name="expected"/>.</summary>
    public static DeliveryLedger Check(IReadOnlyCollection<LedgerPair> expected, IReadOnlyCollection<LedgerRequest> requests, IReadOnlyCollection<StoredPair> stored)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(stored);
        var wanted = expected.ToHashSet();
        var store = stored.ToDictionary(s => s.Pair);
        var byPair = requests
            .Where(r => r.EventId is not null)
            .ToLookup(r => new LedgerPair(r.EventId!, r.Path));

        var lost = new List<LedgerPair>();
        var unrecorded = new List<LedgerPair>();
        var foreign = new List<LedgerRequest>();
        var duplicates = 0;
        foreach (var pair in wanted)
        {
            var received = byPair[pair].ToList();
            var accepted = received.Count(r => r.Accepted);
            var state = store.GetValueOrDefault(pair);
            if (accepted == 0 || state?.State != DeliveryState.Succeeded)
            {
                lost.Add(pair);
            }

            if (state is null || state.Attempts == 0 || (state.State == DeliveryState.Succeeded && state.SucceededAttempts == 0))
            {
                unrecorded.Add(pair);
            }

            duplicates += Math.Max(accepted - 1, 0);
            var deliveryId = state?.DeliveryId ?? received.FirstOrDefault()?.WebhookId;
            foreign.AddRange(received.Where(r => r.WebhookId != deliveryId));
        }

        return new DeliveryLedger(
            wanted.Select(p => p.EventId).Distinct().Count(),
            wanted.Select(p => p.Path).Distinct().Count(),
            wanted.Count,
            requests.Count)
        {
            Stored = stored,
            Lost = lost,
            Duplicates = duplicates,
            Unexpected = requests.Where(r => r.EventId is null || !wanted.Contains(new LedgerPair(r.EventId, r.Path))).ToList(),
            Unrecorded = unrecorded,
            ForeignIds = foreign,
        };
    }

    /// <summary>The first few of each failing category, for an assertion message.</summary>
    public string Details(int count = 5) => string.Join(Environment.NewLine, new[]
    {
        $"lost: {string.Join(", ", Lost.Take(count))}",
        $"unexpected: {string.Join(", ", Unexpected.Take(count))}",
        $"unrecorded: {string.Join(", ", Unrecorded.Take(count))}",
        $"foreign ids: {string.Join(", ", ForeignIds.Take(count))}",
    });

    /// <summary>The report line, such as <c>ledger: events=200 webhooks=2 pairs=400 lost=0 duplicates=3 unexpected=0 unrecorded=0</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"ledger: events={Events} webhooks={Webhooks} pairs={Pairs} lost={Lost.Count} duplicates={Duplicates} unexpected={Unexpected.Count} unrecorded={Unrecorded.Count} foreign_ids={ForeignIds.Count} requests={Requests}");
}
