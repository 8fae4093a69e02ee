namespace Herald.Storage;

/// <summary>Organizations (tenants).</summary>
public interface IOrganizationStore
{
    /// <summary>Stores a new organization; false when one with its id exists (nothing changes).</summary>
    Task<bool> AddAsync(Organization organization, CancellationToken cancellationToken);

    /// <summary>The organization with this id, or null.</summary>
    Task<Organization?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every organization, oldest first.</summary>
    Task<IReadOnlyList<Organization>> ListAsync(CancellationToken cancellationToken);
}
