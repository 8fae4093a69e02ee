namespace Herald.Api.Events;

/// <summary>A page of a webhook's events, newest first.</summary>
public sealed record EventPage(IReadOnlyList<EventSummary> Items, int Page, int PageSize, long Total);
