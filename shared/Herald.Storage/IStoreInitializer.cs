namespace Herald.Storage;

/// <summary>Creates tables, collections and indexes; safe to run from every process at start.</summary>
public interface IStoreInitializer
{
    /// <summary>Brings the schema up to date.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);
}
