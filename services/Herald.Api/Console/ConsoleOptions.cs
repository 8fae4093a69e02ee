using System.ComponentModel.DataAnnotations;

namespace Herald.Api.Console;

/// <summary>The <c>Console</c> section.</summary>
public sealed class ConsoleOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Console";

    /// <summary>What <see cref="TraceUrl"/> must contain, replaced by an attempt's trace id.</summary>
    public const string TraceIdPlaceholder = "{trace_id}";

    /// <summary>
    /// A trace UI's page for one trace, such as <c>http://localhost:16686/trace/{trace_id}</c>
    /// (Jaeger): the console links each attempt to it. Unset, the console shows the trace id alone.
    /// </summary>
    public string? TraceUrl { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(TraceUrl))
        {
            yield break;
        }

        var example = TraceUrl.Replace(TraceIdPlaceholder, "0af7651916cd43dd8448eb211c80319c", StringComparison.Ordinal);
        if (!TraceUrl.Contains(TraceIdPlaceholder, StringComparison.Ordinal)
            || !Uri.TryCreate(example, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult(
                $"Console:TraceUrl must be an http(s) URL containing {TraceIdPlaceholder}, such as http://localhost:16686/trace/{TraceIdPlaceholder}.",
                [nameof(TraceUrl)]);
        }
    }
}
