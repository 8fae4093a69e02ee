using Herald.Storage;

namespace Herald.StoreTests.Mongo;

/// <summary>
/// Domain records with every field set. Times carry a non-zero offset and sub-millisecond
/// ticks, so a mapping that drops either shows.
/// </summary>
internal static class MongoSamples
{
    public static readonly DateTimeOffset Created = new DateTimeOffset(2025, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);
    public static readonly DateTimeOffset Updated = Created.AddMinutes(5).AddTicks(1);
    public static readonly DateTimeOffset Occurred = Created.AddSeconds(-30).AddTicks(7);

    public static IReadOnlyList<WebhookHeader> Headers() =>
        [new("X-Tenant", "acme"), new("Authorization", "Bearer t"), new("X-Tenant", "second")];

    public static Webhook Webhook() => new()
    {
        Id = "wh_1",
        OrganizationId = "org_1",
        Name = "Audit sink",
        Url = "https://example.test/hooks",
        Headers = Headers(),
        EventCategories = ["audit_log_creation", "user_created"],
        Secure = true,
        Enabled = true,
        Secret = "whsec_c2VjcmV0",
        PreviousSecret = "whsec_b2xkIHNlY3JldA==",
        PreviousSecretExpiresAt = new DateTimeOffset(638764273001234567, TimeSpan.Zero),
        DisabledReason = "the endpoint answered 410 Gone",
        DisabledAt = new DateTimeOffset(638764272001234567, TimeSpan.Zero),
        FailingSince = new DateTimeOffset(638764271001234567, TimeSpan.Zero),
        CreatedAt = Created,
        UpdatedAt = Updated,
    };

    public static WebhookEvent Event() => new()
    {
        Id = "evt_1",
        OrganizationId = "org_1",
        Category = "audit_log_creation",
        OccurredAt = Occurred,
        Payload = "{\"type\":\"audit_log_creation\",\"data\":{\"n\":1}}"u8.ToArray(),
        CreatedAt = Created,
    };

    public static Delivery Delivery() => new()
    {
        Id = "msg_1",
        EventId = "evt_1",
        WebhookId = "wh_1",
        OrganizationId = "org_1",
        EventCategory = "audit_log_creation",
        OccurredAt = Occurred,
        State = DeliveryState.Retrying,
        AttemptCount = 2,
        NextAttemptAt = Updated.AddMinutes(1),
        LastStatusCode = 503,
        LastError = "HTTP 503",
        TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        CreatedAt = Created,
        UpdatedAt = Updated,
    };

    public static DeliveryAttempt Attempt() => new()
    {
        Id = "att_1",
        DeliveryId = "msg_1",
        EventId = "evt_1",
        WebhookId = "wh_1",
        Number = 2,
        Request = new AttemptRequest("https://example.test/hooks", "POST", Headers(), "evt_1"),
        Response = new AttemptResponse(503, [new("Retry-After", "30")], "busy", BodyTruncated: true),
        Succeeded = false,
        ErrorKind = AttemptErrorKind.HttpStatus,
        Error = "HTTP 503",
        StartedAt = Created,
        CompletedAt = Created.AddTicks(1_503_001),
        Duration = TimeSpan.FromTicks(1_503_001),
        TraceId = "0af7651916cd43dd8448eb211c80319c",
    };

    public static Inbox Inbox() => new() { Id = "org_1/inb_1", OrganizationId = "org_1", Name = "Staging", CreatedAt = Created };

    public static InboxRequest InboxRequest() => new()
    {
        Id = "req_1",
        InboxId = "inb_1",
        Method = "POST",
        Path = "/inbox/inb_1?x=1",
        Query = "x=1",
        Headers = Headers(),
        Body = "{}",
        Size = 2,
        RemoteAddress = "127.0.0.1",
        ReceivedAt = Created,
    };
}
