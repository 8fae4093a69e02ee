using Herald.Contracts;
using MassTransit;

namespace Herald.Security;

/// <summary>Makes this process forget a revoked key it may have authenticated before.</summary>
public sealed class ApiKeyRevokedConsumer(CallerAuthenticator authenticator) : IConsumer<ApiKeyRevoked>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<ApiKeyRevoked> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        authenticator.Forget(context.Message.KeyId);
        return Task.CompletedTask;
    }
}
