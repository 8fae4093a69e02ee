using Microsoft.Extensions.DependencyInjection;

namespace Herald.StoreTests.Contract;

/// <summary>One store implementation under the contract suite.</summary>
public interface IStoreTestEngine
{
    /// <summary>Once per fixture: finds the database server, or ignores the fixture with the reason.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Services on a fresh, empty database.</summary>
    Task<ServiceProvider> CreateServicesAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the database of the last <see cref="CreateServicesAsync"/>, after its services are disposed.</summary>
    Task DeleteDatabaseAsync(CancellationToken cancellationToken);
}
