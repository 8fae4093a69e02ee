namespace Herald.Storage;

/// <summary>The request of one attempt. The body is not copied: it is the event's payload.</summary>
/// <param name="Url">The URL requested.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Headers">Every header sent, in order.</param>
/// <param name="BodyEventId">The event whose payload was the body.</param>
public sealed record AttemptRequest(string Url, string Method, IReadOnlyList<WebhookHeader> Headers, string BodyEventId);
