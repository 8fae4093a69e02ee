using System.Net;
using Herald.Contracts;
using Herald.ServiceDefaults;

namespace Herald.Ingest;

/// <summary>Checks an audit record field by field; errors are keyed by the JSON path of the field at fault.</summary>
public static class AuditLogValidator
{
    /// <summary>The contract message, or the errors that stop it.</summary>
    public static (AuditLogRecorded? Record, Dictionary<string, string[]> Errors) Validate(AuditLogRequest? request, int maxFieldLength)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON object is required."];
            return (null, errors);
        }

        Text(errors, "organization_id", request.OrganizationId, 128);
        if (request.Actor is null)
        {
            errors["actor"] = ["The actor is required."];
        }
        else
        {
            Text(errors, "actor.ip", request.Actor.Ip, 64);
            if (request.Actor.Ip is { Length: > 0 } ip && !IPAddress.TryParse(ip, out _))
            {
                errors["actor.ip"] = ["Must be an IPv4 or IPv6 address."];
            }

            Text(errors, "actor.user_agent", request.Actor.UserAgent, maxFieldLength, allowEmpty: true);
            Text(errors, "actor.username", request.Actor.Username, 256);
        }

        var date = Rfc3339.Parse(request.Date);
        if (date is null)
        {
            errors["date"] = [request.Date is null
                ? "The date is required (RFC 3339, such as 2025-11-12T12:12:48.626Z)."
                : "Must be an RFC 3339 date and time with an offset, such as 2025-11-12T12:12:48.626Z."];
        }

        Text(errors, "description", request.Description, maxFieldLength, allowEmpty: true);
        Text(errors, "event_category", request.EventCategory, 128);
        Text(errors, "event_name", request.EventName, 128);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var record = new AuditLogRecorded
        {
            AuditLogId = request.AuditLogId ?? Guid.NewGuid(),
            OrganizationId = request.OrganizationId!,
            Actor = new AuditActor(request.Actor!.Ip!, request.Actor.UserAgent!, request.Actor.Username!),
            Date = request.Date!,
            Description = request.Description!,
            EventCategory = request.EventCategory!,
            EventName = request.EventName!,
        };
        return (record, errors);
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int maxLength, bool allowEmpty = false)
    {
        if (value is null || (!allowEmpty && string.IsNullOrWhiteSpace(value)))
        {
            errors[field] = ["The field is required."];
        }
        else if (value.Length > maxLength)
        {
            errors[field] = [$"At most {maxLength} characters."];
        }
        else if (value.Any(c => char.IsControl(c) && c is not '\t'))
        {
            errors[field] = ["Control characters are not allowed."];
        }
    }
}
