using Herald.Security;
using Herald.ServiceDefaults;
using Herald.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Herald.Api.Admin;

/// <summary>
/// Tenants, for the bootstrap admin key (<c>Security:AdminKey</c>): create organizations (with
/// the upstream's organization id) and their API keys, shown once and stored only as hashes.
/// </summary>
public static class OrganizationEndpoints
{
    /// <summary>Maps <c>/v1/organizations</c>.</summary>
    public static IEndpointRouteBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/organizations").WithTags("Organizations")
            .AddEndpointFilter(async (context, next) => AuthenticationMiddleware.CallerOf(context.HttpContext) is { IsAdmin: true }
                ? await next(context)
                : AuthenticationMiddleware.Unauthorized("Organizations are managed with the admin key (Security:AdminKey)."))
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/", CreateAsync).WithName("CreateOrganization").Accepts<OrganizationRequest>("application/json")
            .Produces<OrganizationResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithName("ListOrganizations").Produces<IReadOnlyList<OrganizationResponse>>();
        group.MapPost("/{organizationId}/api-keys", CreateKeyAsync).WithName("CreateApiKey").Accepts<ApiKeyRequest>("application/json")
            .Produces<ApiKeyResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{organizationId}/api-keys", ListKeysAsync).WithName("ListApiKeys").Produces<IReadOnlyList<ApiKeyResponse>>();
        group.MapDelete("/{organizationId}/api-keys/{keyId}", RevokeKeyAsync).WithName("RevokeApiKey")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IOrganizationStore organizations, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<OrganizationRequest>(context.Request, 4_096, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var id = body.Value?.Id?.Trim() ?? string.Empty;
        var name = body.Value?.Name?.Trim() is { Length: > 0 } given ? given : id;
        if (id.Length is 0 or > 128 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors["id"] = ["The organization id (the upstream's organization_id): 1 to 128 letters, digits, '-', '_' or '.'."];
        }

        if (name.Length > 200 || name.Any(char.IsControl))
        {
            errors["name"] = ["At most 200 characters, no control characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var organization = new Organization { Id = id, Name = name, CreatedAt = time.GetUtcNow() };
        return await organizations.AddAsync(organization, cancellationToken)
            ? TypedResults.Created($"/v1/organizations/{id}", OrganizationResponse.From(organization))
            : TypedResults.Problem(title: "Organization exists", detail: $"Organization '{id}' already exists.", statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(IOrganizationStore organizations, CancellationToken cancellationToken) =>
        TypedResults.Ok((await organizations.ListAsync(cancellationToken)).Select(OrganizationResponse.From).ToList());

    private static async Task<IResult> CreateKeyAsync(
        string organizationId, HttpContext context, IOrganizationStore organizations, IApiKeyStore keys, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ApiKeyRequest>(context.Request, 4_096, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var name = body.Value?.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["1 to 100 characters, no control characters."] });
        }

        if (await organizations.GetAsync(organizationId, cancellationToken) is null)
        {
            return NotFound(organizationId);
        }

        var (key, token) = ApiKeys.Create(organizationId, name, time.GetUtcNow());
        await keys.AddAsync(key, cancellationToken);
        return TypedResults.Created($"/v1/organizations/{organizationId}/api-keys/{key.Id}", ApiKeyResponse.From(key) with { Key = token });
    }

    private static async Task<IResult> ListKeysAsync(string organizationId, IOrganizationStore organizations, IApiKeyStore keys, CancellationToken cancellationToken) =>
        await organizations.GetAsync(organizationId, cancellationToken) is null
            ? NotFound(organizationId)
            : TypedResults.Ok((await keys.ListAsync(organizationId, cancellationToken)).Select(k => ApiKeyResponse.From(k)).ToList());

    private static async Task<IResult> RevokeKeyAsync(
        string organizationId, string keyId, IApiKeyStore keys, ApiKeyRevocations revocations, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await keys.RevokeAsync(organizationId, keyId, time.GetUtcNow(), cancellationToken))
        {
            return TypedResults.Problem(title: "Key not found", detail: $"Organization '{organizationId}' has no active key '{keyId}'.", statusCode: StatusCodes.Status404NotFound);
        }

        await revocations.AnnounceAsync(organizationId, keyId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string organizationId) =>
        TypedResults.Problem(title: "Organization not found", detail: $"No organization '{organizationId}'.", statusCode: StatusCodes.Status404NotFound);
}
