using Herald.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Herald.Security;

/// <summary>Ends a revoked key's cached authentication in this process at once and in every other through the bus.</summary>
public sealed partial class ApiKeyRevocations(CallerAuthenticator authenticator, IBus bus, ILogger<ApiKeyRevocations> logger)
{
    /// <summary>Announces that <paramref name="keyId"/> of <paramref name="organizationId"/> was revoked.</summary>
    public async Task AnnounceAsync(string organizationId, string keyId, CancellationToken cancellationToken)
    {
        authenticator.Forget(keyId);
        try
        {
            await bus.Publish(new ApiKeyRevoked(keyId, organizationId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The revocation is stored; other processes stop accepting the key when their cache
            // entry for it expires (Security:ApiKeyCacheTtl).
            LogNotAnnounced(logger, keyId, e.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 70, Level = LogLevel.Warning, Message = "The revocation of key {KeyId} could not be announced ({Error}); other processes refuse it when their cache entries expire")]
    private static partial void LogNotAnnounced(ILogger logger, string keyId, string error);
}
