namespace Herald.Security;

/// <summary>Who is calling: the bootstrap admin, or an organization through one of its keys.</summary>
/// <param name="IsAdmin">True for the admin key.</param>
/// <param name="OrganizationId">The organization of an organization key.</param>
/// <param name="KeyId">The key used (never its secret), for logs.</param>
public sealed record Caller(bool IsAdmin, string? OrganizationId, string KeyId);
