namespace Herald.Api.Admin;

/// <summary>A new organization: its id is the upstream's <c>organization_id</c>.</summary>
public sealed record OrganizationRequest(string? Id, string? Name);
