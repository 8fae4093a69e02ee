namespace Herald.Storage;

/// <summary>What the endpoint answered, with the body cut at the configured cap.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Headers">Response and content headers, in order.</param>
/// <param name="Body">The body as text, at most the configured number of bytes.</param>
/// <param name="BodyTruncated">True when the endpoint sent more than was kept.</param>
public sealed record AttemptResponse(int StatusCode, IReadOnlyList<WebhookHeader> Headers, string Body, bool BodyTruncated);
