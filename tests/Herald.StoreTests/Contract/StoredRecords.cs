using Herald.Storage;

namespace Herald.StoreTests.Contract;

/// <summary>
/// Field-by-field comparison: records holding lists or payloads do not compare structurally,
/// so the lists are compared in order and then blanked before the record comparison.
/// </summary>
internal static class StoredRecords
{
    private static readonly IReadOnlyList<WebhookHeader> NoHeaders = [];
    private static readonly IReadOnlyList<string> NoStrings = [];

    public static void AssertSame(Webhook? actual, Webhook expected)
    {
        Assert.That(actual, Is.Not.Null, $"webhook {expected.Id}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual!.Headers, Is.EqualTo(expected.Headers), "headers, in order");
            Assert.That(actual.EventCategories, Is.EqualTo(expected.EventCategories), "event categories, in order");
            Assert.That(
                actual with { Headers = NoHeaders, EventCategories = NoStrings },
                Is.EqualTo(expected with { Headers = NoHeaders, EventCategories = NoStrings }));
        }
    }

    public static void AssertSame(WebhookEvent? actual, WebhookEvent expected)
    {
        Assert.That(actual, Is.Not.Null, $"event {expected.Id}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual!.Payload.ToArray(), Is.EqualTo(expected.Payload.ToArray()), "payload bytes");
            Assert.That(actual with { Payload = default }, Is.EqualTo(expected with { Payload = default }));
        }
    }

    public static void AssertSame(DeliveryAttempt? actual, DeliveryAttempt expected)
    {
        Assert.That(actual, Is.Not.Null, $"attempt {expected.Id}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual!.Request.Headers, Is.EqualTo(expected.Request.Headers), "request headers, in order");
            Assert.That(actual.Request with { Headers = NoHeaders }, Is.EqualTo(expected.Request with { Headers = NoHeaders }));
            Assert.That(actual.Response?.Headers, Is.EqualTo(expected.Response?.Headers), "response headers, in order");
            Assert.That(actual.Response?.Body, Is.EqualTo(expected.Response?.Body), "response body");
            Assert.That(
                actual with { Request = expected.Request, Response = actual.Response is null ? null : actual.Response with { Headers = NoHeaders } },
                Is.EqualTo(expected with { Response = expected.Response is null ? null : expected.Response with { Headers = NoHeaders } }));
        }
    }

    public static void AssertSame(InboxRequest? actual, InboxRequest expected)
    {
        Assert.That(actual, Is.Not.Null, $"inbox request {expected.Id}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual!.Headers, Is.EqualTo(expected.Headers), "headers, in order");
            Assert.That(actual with { Headers = NoHeaders }, Is.EqualTo(expected with { Headers = NoHeaders }));
        }
    }

    public static string[] IdsOf(IEnumerable<Delivery> deliveries) => [.. deliveries.Select(d => d.Id)];
}
