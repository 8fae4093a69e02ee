namespace Herald.Api.Webhooks;

/// <summary>The new secret (shown once) and when the previous one stops signing.</summary>
public sealed record RotatedSecret(string Secret, DateTimeOffset PreviousSecretExpiresAt);
