namespace Herald.Testing;

/// <summary>Temporary SQLite files that clean up after themselves, WAL and shared-memory files included.</summary>
public sealed class TempDatabase : IDisposable
{
    /// <summary>Creates a path for a new database in the temp folder.</summary>
    public TempDatabase() => Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"herald-test-{Guid.NewGuid():N}.db");

    /// <summary>The database file path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", ".key" })
        {
            File.Delete(Path + suffix);
        }
    }
}
