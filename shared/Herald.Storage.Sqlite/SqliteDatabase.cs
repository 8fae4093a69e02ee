using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>
/// Opens short-lived pooled connections to one SQLite file and serializes this process's writers.
/// </summary>
/// <remarks>
/// Several processes share the file, so every connection waits on a busy lock instead of failing
/// (<c>busy_timeout</c>), and writes that read first take the write lock up front
/// (<c>BEGIN IMMEDIATE</c>): in WAL mode a deferred transaction that upgrades from read to write
/// gets SQLITE_BUSY at once, without the busy handler. The in-process gate keeps this process's
/// writers from queueing on the file lock, so only other processes compete for it.
/// See https://www.sqlite.org/wal.html and https://www.sqlite.org/lang_transaction.html.
/// </remarks>
internal sealed class SqliteDatabase : IDisposable
{
    private const int BusyTimeoutMilliseconds = 30_000;

    private readonly string connectionString;
    private readonly SemaphoreSlim writeGate = new(1, 1);

    // Pooled connections keep their native handle, and with it the pragmas set on it: set them
    // once per handle rather than on every open.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> prepared = [];

    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    /// <summary>Opens a connection with the per-connection pragmas set.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection.Handle is { } handle && !prepared.TryGetValue(handle, out _))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA synchronous=NORMAL;";
                await command.ExecuteNonQueryAsync(cancellationToken);
                prepared.AddOrUpdate(handle, handle);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> on its own connection, without a transaction.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await work(connection);
    }

    /// <summary>Runs <paramref name="work"/> in a <c>BEGIN IMMEDIATE</c> transaction and commits it.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            // deferred: false issues BEGIN IMMEDIATE, which waits on the busy timeout for the write lock.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Runs one auto-committed write statement through the in-process gate.</summary>
    public async Task<T> WriteStatementAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await work(connection);
        }
        finally
        {
            writeGate.Release();
        }
    }

    public void Dispose() => writeGate.Dispose();
}
