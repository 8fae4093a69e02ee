namespace Herald.Testing;

/// <summary>A request a <see cref="LoopbackReceiver"/> got, exactly as it arrived.</summary>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The values of a header, case-insensitively.</summary>
    public IReadOnlyList<string> Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
