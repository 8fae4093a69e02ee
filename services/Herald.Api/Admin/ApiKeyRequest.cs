namespace Herald.Api.Admin;

/// <summary>A new API key's name.</summary>
public sealed record ApiKeyRequest(string? Name);
