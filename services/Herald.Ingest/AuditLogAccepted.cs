namespace Herald.Ingest;

/// <summary>The answer to an accepted audit record.</summary>
/// <param name="AuditLogId">The record's id (given or assigned).</param>
/// <param name="EventId">The id of the webhook event it becomes.</param>
public sealed record AuditLogAccepted(Guid AuditLogId, string EventId);
