using Herald.Storage;

namespace Herald.Api.Admin;

/// <summary>An organization.</summary>
public sealed record OrganizationResponse(string Id, string Name, DateTimeOffset CreatedAt)
{
    /// <summary>The response for a stored organization.</summary>
    public static OrganizationResponse From(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new(organization.Id, organization.Name, organization.CreatedAt);
    }
}
