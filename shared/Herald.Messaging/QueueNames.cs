namespace Herald.Messaging;

/// <summary>Queue names as operators see them.</summary>
public static class QueueNames
{
    /// <summary>The queue alone: on RabbitMQ an input address's path starts with the virtual host.</summary>
    public static string Of(Uri inputAddress)
    {
        ArgumentNullException.ThrowIfNull(inputAddress);
        var path = inputAddress.AbsolutePath.TrimEnd('/');
        return path[(path.LastIndexOf('/') + 1)..];
    }
}
