using Herald.Api.Webhooks;

namespace Herald.Api.Events;

/// <summary>The request of an attempt; its body is the event's payload (<c>body_event_id</c>).</summary>
public sealed record AttemptRequestDto(string Url, string Method, IReadOnlyList<HeaderDto> Headers, string BodyEventId);
