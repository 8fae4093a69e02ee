namespace Herald.Contracts;

/// <summary>
/// An organization's API key was revoked. Every Herald process forgets it at once instead of
/// waiting for its cached authentication to expire.
/// </summary>
/// <param name="KeyId">The key revoked.</param>
/// <param name="OrganizationId">Its organization.</param>
public sealed record ApiKeyRevoked(string KeyId, string OrganizationId);
