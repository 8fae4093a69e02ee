using System.ComponentModel.DataAnnotations;

namespace Herald.Messaging;

/// <summary>The <c>RabbitMq</c> section, used when <c>Transport</c> is <c>RabbitMq</c>.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "RabbitMq";

    /// <summary>The broker, as <c>amqp://user:password@host:port/vhost</c>.</summary>
    [Required(ErrorMessage = "RabbitMq:Url is required when Transport is RabbitMq.")]
    public string Url { get; set; } = "amqp://guest:guest@localhost:5672/";

    /// <summary>Messages the broker sends ahead to each consumer of a Herald queue, unless a role sets its own.</summary>
    [Range(1, 10_000, ErrorMessage = "RabbitMq:PrefetchCount must be between 1 and 10000.")]
    public int PrefetchCount { get; set; } = 64;
}
