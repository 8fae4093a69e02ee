namespace Herald.Api.Events;

/// <summary>How many deliveries were made due again.</summary>
public sealed record RecoverResult(int Requeued);
