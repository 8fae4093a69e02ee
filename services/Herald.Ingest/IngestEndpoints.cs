using Herald.Contracts;
using Herald.Messaging;
using Herald.Security;
using Herald.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Ingest;

/// <summary><c>POST /v1/audit-logs</c>: checks a record and hands it to the broker.</summary>
public static partial class IngestEndpoints
{
    /// <summary>Maps the ingest routes.</summary>
    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/audit-logs", AcceptAsync)
            .WithName("IngestAuditLog")
            .WithTags("Ingest")
            .WithSummary("Accept an audit record; 202 once the broker has confirmed it.")
            .Accepts<AuditLogRequest>("application/json")
            .Produces<AuditLogAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> AcceptAsync(
        HttpRequest request,
        ISendEndpointProvider sendEndpoints,
        [FromKeyedServices(IngestHostBuilderExtensions.BrokerPipelineKey)] ResiliencePipeline pipeline,
        IOptions<IngestOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (AuthenticationMiddleware.CallerOf(request.HttpContext) is not { } caller)
        {
            return AuthenticationMiddleware.Unauthorized("Send the organization's API key (or the admin key) as 'Authorization: Bearer hk_…'.");
        }

        var body = await JsonBody.ReadAsync<AuditLogRequest>(request, options.Value.MaxRecordBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var (record, errors) = AuditLogValidator.Validate(body.Value, options.Value.MaxFieldLength);
        if (record is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!caller.IsAdmin && caller.OrganizationId != record.OrganizationId)
        {
            return TypedResults.Problem(
                title: "Not this organization's key",
                detail: "An organization key publishes only its own organization's records.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            // Sent to the fanout queue rather than published: the send declares the queue, so a
            // record accepted before fanout first starts waits there instead of being dropped.
            await pipeline.ExecuteAsync(
                async token =>
                {
                    var endpoint = await sendEndpoints.GetSendEndpoint(Endpoints.FanoutQueue);
                    await endpoint.Send(record, token);
                },
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(loggers.CreateLogger(typeof(IngestEndpoints).FullName!), exception);
            return TypedResults.Problem(
                title: "The broker did not accept the record",
                detail: "Nothing was accepted; retry later.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var id = record.AuditLogId!.Value;
        return TypedResults.Accepted((string?)null, new AuditLogAccepted(id, $"evt_{id:D}"));
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Error, Message = "Could not hand an audit record to the broker")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
