using System.Net;
using System.Text.Json.Nodes;
using Herald.UnitTests.Tenancy;

namespace Herald.UnitTests.Api;

[TestFixture]
public sealed class When_a_client_reads_the_openapi_document : HeraldServer
{
    [Test]
    public async Task Should_describe_every_v1_route()
    {
        using var response = await Http.GetAsync("/openapi/v1.json", Ct);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["paths"]!.AsObject();
        var described = paths.SelectMany(p => p.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} {AppRoutes.Normalize(p.Key)}")).ToHashSet(StringComparer.Ordinal);

        var mapped = AppRoutes.Under(Services, "/v1/");
        Assert.That(mapped, Is.Not.Empty);
        Assert.That(mapped.Where(route => !described.Contains(route)), Is.Empty, "routes missing from /openapi/v1.json");
    }
}
