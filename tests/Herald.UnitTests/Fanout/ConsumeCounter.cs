using MassTransit;

namespace Herald.UnitTests.Fanout;

/// <summary>
/// Counts finished consumes of <typeparamref name="T"/> by message id. The harness's consumed list
/// keeps one entry for equal messages, so a record published twice is awaited here instead.
/// </summary>
internal sealed class ConsumeCounter<T> : IConsumeMessageObserver<T>
    where T : class
{
    private readonly Dictionary<Guid, TaskCompletionSource<Exception?>> done = [];

    public Task<Exception?> For(Guid messageId)
    {
        lock (done)
        {
            return Entry(messageId).Task;
        }
    }

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context) => Complete(context, null);

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception) => Complete(context, exception);

    private Task Complete(ConsumeContext<T> context, Exception? exception)
    {
        lock (done)
        {
            Entry(context.MessageId ?? Guid.Empty).TrySetResult(exception);
        }

        return Task.CompletedTask;
    }

    private TaskCompletionSource<Exception?> Entry(Guid id) =>
        done.TryGetValue(id, out var entry) ? entry : done[id] = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
