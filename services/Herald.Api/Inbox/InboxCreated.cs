namespace Herald.Api.Inbox;

/// <summary>A new inbox and the URL to point a webhook at.</summary>
public sealed record InboxCreated(string Id, string Url);
