using Herald.Storage;

namespace Herald.StoreTests.Contract;

/// <summary>Fixed records for the specs. Times are whole milliseconds, the precision every store keeps.</summary>
internal static class TestData
{
    public const string Organization = "org_acme";
    public const string OtherOrganization = "org_globex";
    public const string Category = "audit_log_creation";

    public static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    public static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    public static Webhook Webhook(string id, DateTimeOffset createdAt, string organizationId = Organization) => new()
    {
        Id = id,
        OrganizationId = organizationId,
        Name = $"Hook {id}",
        Url = $"https://hooks.example.com/{id}",
        Headers = [new("X-Tenant", "acme"), new("Authorization", "Bearer t0k3n"), new("X-Tenant", "second")],
        EventCategories = [Category, "user_created"],
        Secure = true,
        Enabled = true,
        Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        CreatedAt = createdAt,
        UpdatedAt = createdAt.AddSeconds(7),
    };

    public static WebhookEvent Event(string id, byte[] payload) => new()
    {
        Id = id,
        OrganizationId = Organization,
        Category = Category,
        OccurredAt = At(-5),
        Payload = payload,
        CreatedAt = T0,
    };

    public static Delivery Delivery(
        string eventId,
        string webhookId,
        DateTimeOffset occurredAt,
        DeliveryState state = DeliveryState.Pending,
        DateTimeOffset? nextAttemptAt = null) => new()
        {
            Id = Ids.Delivery(eventId, webhookId),
            EventId = eventId,
            WebhookId = webhookId,
            OrganizationId = Organization,
            EventCategory = Category,
            OccurredAt = occurredAt,
            State = state,
            AttemptCount = 0,
            NextAttemptAt = nextAttemptAt,
            TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            CreatedAt = T0,
            UpdatedAt = T0,
        };

    public static Inbox Inbox(string id, DateTimeOffset createdAt, string organizationId = Organization) => new()
    {
        Id = $"{organizationId}/{id}",
        OrganizationId = organizationId,
        Name = $"Inbox {id}",
        CreatedAt = createdAt,
    };

    public static InboxRequest InboxRequest(string inboxId, string id, DateTimeOffset receivedAt) => new()
    {
        Id = id,
        InboxId = inboxId,
        Method = "POST",
        Path = $"/inbox/{inboxId}?attempt=1",
        Query = "attempt=1",
        Headers = [new("webhook-id", "msg_1"), new("Content-Type", "application/json"), new("webhook-id", "msg_2")],
        Body = """{"type":"audit_log_creation","data":{"ü":"✓"}}""",
        Size = 52,
        RemoteAddress = "127.0.0.1",
        ReceivedAt = receivedAt,
    };

    public static DeliveryAttempt Attempt(string eventId, string webhookId, int number) => new()
    {
        Id = $"att_{number}",
        DeliveryId = Ids.Delivery(eventId, webhookId),
        EventId = eventId,
        WebhookId = webhookId,
        Number = number,
        Request = new AttemptRequest(
            "https://hooks.example.com/in?x=1",
            "POST",
            [new("webhook-id", Ids.Delivery(eventId, webhookId)), new("webhook-timestamp", "1741944413"), new("webhook-signature", "v1,K5oZ")],
            eventId),
        Response = new AttemptResponse(200, [new("Content-Length", "2")], "ok", false),
        Succeeded = true,
        StartedAt = At(number),
        CompletedAt = At(number).AddMilliseconds(123),
        Duration = TimeSpan.FromTicks(1_234_567),
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
    };
}
