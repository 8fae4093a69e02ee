using Herald.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Herald.Api.Webhooks;

/// <summary>
/// Secret rotation: a new <c>whsec_</c> secret, shown once; the old one keeps signing beside it
/// for <c>Security:SecretRotationGrace</c> (default 24 hours) so receivers can switch over.
/// </summary>
public static class SecretEndpoints
{
    /// <summary>Maps <c>POST /v1/webhooks/{id}/secret/rotate</c>.</summary>
    public static IEndpointRouteBuilder MapSecretEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/webhooks/{id}/secret/rotate", RotateAsync).WithTags("Webhooks").WithName("RotateWebhookSecret")
            .Produces<RotatedSecret>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> RotateAsync(
        string id, HttpContext context, Storage.IWebhookStore webhooks, IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CallerOrganization.Of(context) is not { } org)
        {
            return CallerOrganization.Missing();
        }

        if (await webhooks.GetAsync(org, id, cancellationToken) is not { } webhook)
        {
            return WebhookEndpoints.NotFound(id);
        }

        var grace = configuration.GetValue("Security:SecretRotationGrace", TimeSpan.FromHours(24));
        var now = time.GetUtcNow();
        var rotated = webhook with
        {
            Secret = WebhookSignature.NewSecret(),
            PreviousSecret = webhook.Secret,
            PreviousSecretExpiresAt = now + grace,
            UpdatedAt = now,
        };
        return await webhooks.UpdateAsync(rotated, cancellationToken)
            ? TypedResults.Ok(new RotatedSecret(rotated.Secret, now + grace))
            : WebhookEndpoints.NotFound(id);
    }
}
