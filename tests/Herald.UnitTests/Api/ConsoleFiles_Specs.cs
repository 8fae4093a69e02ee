using System.Net;

namespace Herald.UnitTests.Api;

[TestFixture]
public sealed class When_a_browser_asks_for_the_console : HeraldServer
{
    [Test]
    public async Task Should_redirect_the_root_to_the_console()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Http.BaseAddress };
        foreach (var path in new[] { "/", "/console" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), path);
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/console/"), path);
        }
    }

    [TestCase("/console/", "text/html", "<title>Herald console</title>")]
    [TestCase("/console/app.js", "text/javascript", "import")]
    [TestCase("/console/console.css", "text/css", ".topbar")]
    public async Task Should_serve_the_embedded_files_without_a_key(string path, string contentType, string fragment)
    {
        using var anonymous = new HttpClient { BaseAddress = Http.BaseAddress };
        using var response = await anonymous.GetAsync(path, Ct);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(contentType));
        Assert.That(await response.Content.ReadAsStringAsync(Ct), Does.Contain(fragment));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'"));
    }

    [TestCase("/console/missing.js")]
    [TestCase("/console/..%2FHerald.Api.dll")]
    [TestCase("/console/index.cs")]
    public async Task Should_answer_404_for_anything_else(string path)
    {
        using var response = await Http.GetAsync(path, Ct);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
