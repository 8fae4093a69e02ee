namespace Herald.Storage;

/// <summary>One page of results and the total count matching the query.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of the page.</param>
/// <param name="Total">How many items match in all.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total);
