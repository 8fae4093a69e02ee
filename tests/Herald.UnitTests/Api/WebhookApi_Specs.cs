using System.Text.Json.Nodes;

namespace Herald.UnitTests.Api;

public sealed class When_managing_webhooks_over_http : HeraldServer
{
    [Test]
    public async Task Should_create_a_webhook_and_return_its_secret_only_once()
    {
        var org = NewOrganization();

        var created = await CreateWebhookAsync(org);
        var (status, fetched) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{created["id"]}", org);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created["id"]!.GetValue<string>(), Does.StartWith("wh_"));
            Assert.That(created["secret"]!.GetValue<string>(), Does.StartWith("whsec_"));
            Assert.That(created["organization_id"]!.GetValue<string>(), Is.EqualTo(org));
            Assert.That(created["enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(created["headers"]!.ToJsonString(), Is.EqualTo("[{\"key\":\"Test\",\"value\":\"Webhook\"}]"));
            Assert.That(status, Is.EqualTo(200));
            Assert.That(fetched!["secret"], Is.Null);
            Assert.That(fetched["name"]!.GetValue<string>(), Is.EqualTo("Orders"));
            Assert.That(fetched["url"]!.GetValue<string>(), Is.EqualTo("https://example.com/hook"));
        }
    }

    [Test]
    public async Task Should_list_update_copy_and_delete()
    {
        var org = NewOrganization();
        var id = (await CreateWebhookAsync(org))["id"]!.GetValue<string>();

        var (updated, afterUpdate) = await SendAsync(HttpMethod.Put, $"/v1/webhooks/{id}", org, WebhookBody("https://example.com/v2", "Renamed"));
        var (copied, copy) = await SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/copy", org);
        var (_, list) = await SendAsync(HttpMethod.Get, "/v1/webhooks", org);
        var (deleted, _) = await SendAsync(HttpMethod.Delete, $"/v1/webhooks/{id}", org);
        var (gone, _) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{id}", org);
        var (deletedAgain, _) = await SendAsync(HttpMethod.Delete, $"/v1/webhooks/{id}", org);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(updated, Is.EqualTo(200));
            Assert.That(afterUpdate!["name"]!.GetValue<string>(), Is.EqualTo("Renamed"));
            Assert.That(afterUpdate["url"]!.GetValue<string>(), Is.EqualTo("https://example.com/v2"));
            Assert.That(copied, Is.EqualTo(201));
            Assert.That(copy!["id"]!.GetValue<string>(), Is.Not.EqualTo(id));
            Assert.That(copy["name"]!.GetValue<string>(), Is.EqualTo("Renamed (copy)"));
            Assert.That(copy["url"]!.GetValue<string>(), Is.EqualTo("https://example.com/v2"));
            Assert.That(copy["headers"]!.ToJsonString(), Is.EqualTo(afterUpdate["headers"]!.ToJsonString()));
            Assert.That(copy["secret"]!.GetValue<string>(), Does.StartWith("whsec_"));
            Assert.That(list!.AsArray().Select(w => w!["id"]!.GetValue<string>()), Is.EqualTo(new[] { id, copy["id"]!.GetValue<string>() }));
            Assert.That(deleted, Is.EqualTo(204));
            Assert.That(gone, Is.EqualTo(404));
            Assert.That(deletedAgain, Is.EqualTo(404));
        }
    }

    [Test]
    public async Task Should_hide_another_organizations_webhook()
    {
        var owner = NewOrganization();
        var stranger = NewOrganization();
        var id = (await CreateWebhookAsync(owner))["id"]!.GetValue<string>();

        var statuses = new[]
        {
            (await SendAsync(HttpMethod.Get, $"/v1/webhooks/{id}", stranger)).Status,
            (await SendAsync(HttpMethod.Put, $"/v1/webhooks/{id}", stranger, WebhookBody("https://evil.example.com"))).Status,
            (await SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/copy", stranger)).Status,
            (await SendAsync(HttpMethod.Delete, $"/v1/webhooks/{id}", stranger)).Status,
            (await SendAsync(HttpMethod.Get, $"/v1/webhooks/{id}/events", stranger)).Status,
            (await SendAsync(HttpMethod.Get, $"/v1/webhooks/{id}/events/evt_{Guid.NewGuid()}", stranger)).Status,
        };
        var (_, list) = await SendAsync(HttpMethod.Get, "/v1/webhooks", stranger);
        var (_, stillThere) = await SendAsync(HttpMethod.Get, $"/v1/webhooks/{id}", owner);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.All.EqualTo(404));
            Assert.That(list!.AsArray(), Is.Empty);
            Assert.That(stillThere!["url"]!.GetValue<string>(), Is.EqualTo("https://example.com/hook"));
        }
    }

    [TestCase("/v1/webhooks")]
    [TestCase("/v1/webhooks/wh_x")]
    [TestCase("/v1/webhooks/wh_x/events")]
    public async Task Should_answer_401_without_an_organization(string path)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path, organization: null);

        Assert.That((status, body?["status"]?.GetValue<int>()), Is.EqualTo((401, 401)));
    }

    [Test]
    public async Task Should_reject_bad_input_naming_every_field_and_change_nothing()
    {
        var org = NewOrganization();
        var id = (await CreateWebhookAsync(org))["id"]!.GetValue<string>();
        var (_, before) = await SendAsync(HttpMethod.Get, "/v1/webhooks", org);
        var bad = new
        {
            name = "",
            url = "ftp://example.com",
            headers = new[] { new { key = "webhook-id", value = "x" } },
            event_categories = Array.Empty<string>(),
        };

        var (created, createProblem) = await SendAsync(HttpMethod.Post, "/v1/webhooks", org, bad);
        var (updated, updateProblem) = await SendAsync(HttpMethod.Put, $"/v1/webhooks/{id}", org, bad);
        var (_, after) = await SendAsync(HttpMethod.Get, "/v1/webhooks", org);

        string[] fields = ["name", "url", "headers[0].key", "event_categories"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created, Is.EqualTo(400));
            Assert.That(updated, Is.EqualTo(400));
            Assert.That(createProblem!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(fields));
            Assert.That(updateProblem!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(fields));
            Assert.That(createProblem["title"], Is.Not.Null);
            Assert.That(after!.ToJsonString(), Is.EqualTo(before!.ToJsonString()));
        }
    }

    [Test]
    public async Task Should_name_the_field_of_malformed_json()
    {
        var org = NewOrganization();

        var (status, problem) = await SendAsync(HttpMethod.Post, "/v1/webhooks", org, new { name = "x", url = "https://e.com", secure = "yes" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(400));
            Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "secure" }));
            Assert.That((await SendAsync(HttpMethod.Get, "/v1/webhooks", org)).Body!.AsArray(), Is.Empty);
        }
    }
}
