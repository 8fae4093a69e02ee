namespace Herald.Api.Inbox;

/// <summary>A new inbox; the body is optional, and so is its name.</summary>
public sealed record CreateInboxRequest(string? Name);
