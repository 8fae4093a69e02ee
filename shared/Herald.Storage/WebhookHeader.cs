namespace Herald.Storage;

/// <summary>One custom header of a webhook.</summary>
/// <param name="Key">The header name.</param>
/// <param name="Value">The header value.</param>
public sealed record WebhookHeader(string Key, string Value);
