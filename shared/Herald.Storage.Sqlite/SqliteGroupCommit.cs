using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>
/// Group commit for one process's writes: callers queue their write and one writer runs
/// everything waiting in a single <c>BEGIN IMMEDIATE</c> transaction, each write inside its own
/// savepoint. A write that throws is rolled back to its savepoint and fails alone; the others
/// commit. Every caller's task completes only after the commit that holds its write (or with
/// the error that kept it out), so "stored, then acknowledged" holds as with one transaction
/// per write, at one commit per batch instead of one per write.
/// </summary>
/// <remarks>
/// A write whose token is cancelled before the writer reaches it is not run. Writes run one
/// after another on the writer, so no caller waits on the file lock behind another of this
/// process's writers; other processes sharing the file wait on the busy timeout as before.
/// See https://www.sqlite.org/lang_savepoint.html.
/// </remarks>
internal sealed class SqliteGroupCommit : IDisposable
{
    // Bounds how long one batch holds the file's write lock against other processes.
    private const int MaxBatch = 256;
    private const string Savepoint = "herald_write";

    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<SqliteConnection>> open;

    public SqliteGroupCommit(Func<CancellationToken, Task<SqliteConnection>> open)
    {
        this.open = open;
        _ = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="work"/>; completes once it is committed, or with its error.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var write = new PendingWrite<T>(work, cancellationToken);
        return queue.Writer.TryWrite(write) ? write.Task : throw new ObjectDisposedException(nameof(SqliteDatabase));
    }

    /// <summary>Stops taking writes; those already queued are still run.</summary>
    public void Dispose() => queue.Writer.TryComplete();

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        try
        {
            await using var connection = await open(CancellationToken.None);
            // deferred: false issues BEGIN IMMEDIATE, which waits on the busy timeout for the write lock.
            await using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var write in batch)
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Fail(new OperationCanceledException(write.CancellationToken));
                    continue;
                }

                transaction.Save(Savepoint);
                try
                {
                    await write.RunAsync(connection, transaction);
                    transaction.Release(Savepoint);
                }
                catch (Exception exception)
                {
                    // Throws in turn when SQLite already rolled the whole transaction back
                    // (disk full, I/O error): then the batch fails below, nothing of it stored.
                    transaction.Rollback(Savepoint);
                    transaction.Release(Savepoint);
                    write.Fail(exception);
                }
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // Any failure of the batch is every waiting caller's failure.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            batch.ForEach(write => write.Fail(exception));
            return;
        }

        batch.ForEach(write => write.Complete());
    }

    private abstract class PendingWrite(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        /// <summary>Reports the result of a write that ran; no-op for one that failed.</summary>
        public abstract void Complete();

        /// <summary>Reports the error; no-op for a write already reported.</summary>
        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
        : PendingWrite(cancellationToken)
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;
        private bool ran;

        public Task<T> Task => completion.Task;

        public override async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            result = await work(connection, transaction);
            ran = true;
        }

        public override void Complete()
        {
            if (ran)
            {
                completion.TrySetResult(result!);
            }
        }

        public override void Fail(Exception exception)
        {
            if (exception is OperationCanceledException && CancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(CancellationToken);
            }
            else
            {
                completion.TrySetException(exception);
            }
        }
    }
}
