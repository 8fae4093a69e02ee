using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>
/// Opens short-lived pooled connections to one SQLite file and commits this process's writes in groups.
/// </summary>
/// <remarks>
/// Several processes share the file, so every connection waits on a busy lock instead of failing
/// (<c>busy_timeout</c>), and writes that read first take the write lock up front
/// (<c>BEGIN IMMEDIATE</c>): in WAL mode a deferred transaction that upgrades from read to write
/// gets SQLITE_BUSY at once, without the busy handler. This process's writes go through one
/// writer that commits whatever is waiting together, so only other processes compete for the
/// file lock and a burst of small writes costs one commit.
/// See https://www.sqlite.org/wal.html and https://www.sqlite.org/lang_transaction.html.
/// </remarks>
internal sealed class SqliteDatabase : IDisposable
{
    private const int BusyTimeoutMilliseconds = 30_000;

    private readonly string connectionString;
    private readonly SqliteGroupCommit writes;

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
        writes = new SqliteGroupCommit(OpenAsync);
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

    /// <summary>
    /// Runs <paramref name="work"/> inside this process's next <c>BEGIN IMMEDIATE</c> transaction
    /// (see <see cref="SqliteGroupCommit"/>); completes once that transaction is committed.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        writes.WriteAsync(work, cancellationToken);

    /// <summary>Runs one write statement the same way; commands the connection creates join the transaction.</summary>
    public Task<T> WriteStatementAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return writes.WriteAsync((connection, _) => work(connection), cancellationToken);
    }

    public void Dispose() => writes.Dispose();
}
