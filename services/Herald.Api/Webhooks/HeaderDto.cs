namespace Herald.Api.Webhooks;

/// <summary>One header as the API shows it.</summary>
/// <param name="Key">The header name.</param>
/// <param name="Value">The header value.</param>
public sealed record HeaderDto(string? Key, string? Value);
