namespace Herald.Api.Console;

/// <summary>The console's view of the deployment, from <c>/console/settings.json</c>.</summary>
/// <param name="TraceUrl">The trace UI's page for a trace, with <c>{trace_id}</c> to fill in; null when there is none.</param>
public sealed record ConsoleSettings(string? TraceUrl);
