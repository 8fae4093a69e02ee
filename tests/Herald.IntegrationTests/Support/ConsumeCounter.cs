using System.Collections.Concurrent;
using MassTransit;

namespace Herald.IntegrationTests.Support;

/// <summary>Counts the messages of one type a bus finished consuming, successfully or not, by a key of the message.</summary>
public sealed class ConsumeCounter<TMessage>(Func<TMessage, string?> key) : IConsumeObserver
    where TMessage : class
{
    private readonly ConcurrentDictionary<string, int> done = new();

    /// <summary>How many messages with this key were consumed to the end.</summary>
    public int Consumed(string messageKey) => done.GetValueOrDefault(messageKey);

    /// <inheritdoc />
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    /// <inheritdoc />
    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Count(context);

    /// <inheritdoc />
    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Count(context);

    private Task Count<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is TMessage message && key(message) is { } k)
        {
            done.AddOrUpdate(k, 1, (_, n) => n + 1);
        }

        return Task.CompletedTask;
    }
}
