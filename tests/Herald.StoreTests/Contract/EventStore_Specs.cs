using System.Text;
using static Herald.StoreTests.Contract.StoredRecords;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Contract;

public abstract class When_storing_events(IStoreTestEngine engine) : StoreContract(engine)
{
    [Test]
    public async Task Should_add_a_new_event()
    {
        var added = Event("evt_1", Encoding.UTF8.GetBytes("""{"id":1}"""));

        var (stored, wasAdded) = await Events.AddIfAbsentAsync(added, Ct);

        Assert.That(wasAdded, Is.True);
        AssertSame(stored, added);
        AssertSame(await Events.GetAsync("evt_1", Ct), added);
    }

    [Test]
    public async Task Should_keep_the_original_when_the_id_exists()
    {
        var original = Event("evt_1", Encoding.UTF8.GetBytes("""{"version":"original"}"""));
        await Events.AddIfAbsentAsync(original, Ct);
        var again = original with { Payload = Encoding.UTF8.GetBytes("""{"version":"second"}"""), CreatedAt = At(10) };

        var (stored, wasAdded) = await Events.AddIfAbsentAsync(again, Ct);

        Assert.That(wasAdded, Is.False);
        AssertSame(stored, original);
        AssertSame(await Events.GetAsync("evt_1", Ct), original);
    }

    [Test]
    public async Task Should_return_null_for_a_missing_event()
    {
        Assert.That(await Events.GetAsync("evt_missing", Ct), Is.Null);
    }

    [Test]
    public async Task Should_keep_the_payload_bytes_exactly()
    {
        byte[] payload = [.. Enumerable.Range(0, 256).Select(i => (byte)i), .. Encoding.UTF8.GetBytes("{\"ü\":\"✓\"}\0")];
        await Events.AddIfAbsentAsync(Event("evt_bytes", payload), Ct);

        var stored = await Events.GetAsync("evt_bytes", Ct);

        Assert.That(stored?.Payload.ToArray(), Is.EqualTo(payload));
    }
}
