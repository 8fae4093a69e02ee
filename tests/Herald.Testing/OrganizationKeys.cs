using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Herald.Testing;

/// <summary>
/// Creates organizations and their API keys through Herald's admin API (with
/// <see cref="TestKeys.Admin"/>) the first time a test acts for one, and remembers the keys.
/// </summary>
public sealed class OrganizationKeys(HttpClient http)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> keys = new(StringComparer.Ordinal);

    /// <summary>The organization's key, creating both on first use.</summary>
    public Task<string> ForAsync(string organization, CancellationToken cancellationToken) =>
        keys.GetOrAdd(organization, id => new Lazy<Task<string>>(() => CreateAsync(id, cancellationToken))).Value;

    private async Task<string> CreateAsync(string organization, CancellationToken cancellationToken)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/v1/organizations") { Content = JsonContent.Create(new { id = organization, name = organization }) };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        using (var created = await http.SendAsync(create, cancellationToken))
        {
            if (created.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
            {
                throw new InvalidOperationException($"Creating organization {organization} answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }

        using var issue = new HttpRequestMessage(HttpMethod.Post, $"/v1/organizations/{organization}/api-keys") { Content = JsonContent.Create(new { name = "tests" }) };
        issue.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        using var issued = await http.SendAsync(issue, cancellationToken);
        var body = await issued.Content.ReadAsStringAsync(cancellationToken);
        return issued.StatusCode == HttpStatusCode.Created
            ? JsonNode.Parse(body)!["key"]!.GetValue<string>()
            : throw new InvalidOperationException($"Creating a key for {organization} answered {(int)issued.StatusCode}: {body}");
    }
}
