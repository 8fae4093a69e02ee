namespace Herald.Storage.Mongo;

/// <summary>The collections of the Herald database.</summary>
internal static class MongoCollectionNames
{
    public const string Webhooks = "webhooks";
    public const string Events = "events";
    public const string Deliveries = "deliveries";
    public const string Attempts = "attempts";
    public const string Inboxes = "inboxes";
    public const string InboxRequests = "inbox_requests";
    public const string Organizations = "organizations";
    public const string ApiKeys = "api_keys";
}
