using Herald.Api.Webhooks;

namespace Herald.Api.Events;

/// <summary>The answer to an attempt, with the body cut at the configured cap.</summary>
public sealed record AttemptResponseDto(int StatusCode, IReadOnlyList<HeaderDto> Headers, string Body, bool BodyTruncated);
