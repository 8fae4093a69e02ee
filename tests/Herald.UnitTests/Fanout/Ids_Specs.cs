using Herald.Storage;

namespace Herald.UnitTests.Fanout;

public sealed class When_deriving_ids
{
    private const string Uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [Test]
    public void Should_make_the_event_id_evt_and_the_source_uuid()
    {
        var source = Guid.Parse("96e428f2-b3f8-4247-8e3b-e2a3f563bd05");

        Assert.That(Ids.Event(source), Is.EqualTo("evt_96e428f2-b3f8-4247-8e3b-e2a3f563bd05"));
    }

    [Test]
    public void Should_make_a_new_id_with_the_prefix_and_a_random_uuid()
    {
        using (Assert.EnterMultipleScope())
        {
            var (first, second) = (Ids.New("wh"), Ids.New("wh"));
            Assert.That(first, Does.Match($"^wh_{Uuid}$"));
            Assert.That(second, Is.Not.EqualTo(first));
        }
    }

    [Test]
    public void Should_derive_the_same_delivery_id_for_the_same_event_and_webhook()
    {
        var first = Ids.Delivery("evt_1", "wh_1");
        var again = Ids.Delivery(string.Concat("evt_", "1"), "wh_1");

        Assert.That(again, Is.EqualTo(first));
    }

    [Test]
    public void Should_derive_distinct_delivery_ids_per_event_and_webhook()
    {
        var ids = new[]
        {
            Ids.Delivery("evt_1", "wh_1"), Ids.Delivery("evt_1", "wh_2"), Ids.Delivery("evt_2", "wh_1"),
            Ids.Delivery("evt_1wh", "_1"), Ids.Delivery("evt_1\nwh", "1"),
        };

        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void Should_make_the_delivery_id_msg_and_a_version_8_uuid()
    {
        var id = Ids.Delivery("evt_96e428f2-b3f8-4247-8e3b-e2a3f563bd05", "wh_1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(id, Does.Match($"^msg_{Uuid}$"));
            Assert.That(id["msg_".Length + 14], Is.EqualTo('8'));
            Assert.That(id["msg_".Length + 19], Is.AnyOf('8', '9', 'a', 'b'));
        }
    }
}
