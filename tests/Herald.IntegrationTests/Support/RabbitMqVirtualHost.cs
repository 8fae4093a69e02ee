using Herald.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Herald.IntegrationTests.Support;

/// <summary>
/// One fixture's virtual host, and what the tests do on it as a plain AMQP client would:
/// publish with confirms, and look at queues and exchanges.
/// </summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private readonly string? name;
    private readonly VirtualHostAdmin admin;
    private IConnection? connection;

    internal RabbitMqVirtualHost(Uri url, string? name, VirtualHostAdmin admin)
    {
        Url = url;
        this.name = name;
        this.admin = admin;
    }

    /// <summary>The URL Herald is given as <c>RabbitMq:Url</c>.</summary>
    public Uri Url { get; }

    /// <summary>Publishes one message with confirms; persistent, with a content type and message id.</summary>
    public async Task PublishAsync(string exchange, string body, string messageId, string contentType = "application/json")
    {
        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        await using var channel = await (await ConnectAsync()).CreateChannelAsync(options);
        var properties = new BasicProperties { ContentType = contentType, DeliveryMode = DeliveryModes.Persistent, MessageId = messageId };
        await channel.BasicPublishAsync(exchange, string.Empty, mandatory: true, properties, System.Text.Encoding.UTF8.GetBytes(body));
    }

    /// <summary>The queue's ready messages and consumers, or null when it does not exist.</summary>
    public async Task<QueueDeclareOk?> QueueAsync(string queue)
    {
        await using var channel = await (await ConnectAsync()).CreateChannelAsync();
        try
        {
            return await channel.QueueDeclarePassiveAsync(queue);
        }
        catch (OperationInterruptedException)
        {
            return null;
        }
    }

    /// <summary>Takes the queue's first ready message (acknowledged), or null when it has none.</summary>
    public async Task<BasicGetResult?> TakeAsync(string queue)
    {
        await using var channel = await (await ConnectAsync()).CreateChannelAsync();
        return await channel.BasicGetAsync(queue, autoAck: true);
    }

    /// <summary>True when the exchange exists.</summary>
    public async Task<bool> ExchangeExistsAsync(string exchange)
    {
        await using var channel = await (await ConnectAsync()).CreateChannelAsync();
        try
        {
            await channel.ExchangeDeclarePassiveAsync(exchange);
            return true;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }

    /// <summary>Removes Herald's queues and exchanges, for a shared virtual host.</summary>
    internal async Task DeleteHeraldEntitiesAsync()
    {
        await using var channel = await (await ConnectAsync()).CreateChannelAsync();
        foreach (var queue in new[] { Endpoints.Fanout, Endpoints.Delivery })
        {
            foreach (var suffix in new[] { string.Empty, "_error", "_skipped" })
            {
                await channel.QueueDeleteAsync(queue + suffix);
                await channel.ExchangeDeleteAsync(queue + suffix);
            }
        }

        await channel.ExchangeDeleteAsync(Endpoints.AuditLogRecordedExchange);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.CloseAsync();
            connection.Dispose();
        }

        if (name is not null)
        {
            await admin.DeleteAsync(name);
        }
    }

    private async Task<IConnection> ConnectAsync() =>
        connection ??= await new ConnectionFactory { Uri = Url, ClientProvidedName = "herald-integration-tests" }.CreateConnectionAsync();
}
