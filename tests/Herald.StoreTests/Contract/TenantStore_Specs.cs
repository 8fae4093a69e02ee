using Herald.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Herald.StoreTests.Contract.TestData;

namespace Herald.StoreTests.Contract;

public abstract class When_storing_organizations_and_api_keys(IStoreTestEngine engine) : StoreContract(engine)
{
    private IOrganizationStore Organizations => Services.GetRequiredService<IOrganizationStore>();

    private IApiKeyStore Keys => Services.GetRequiredService<IApiKeyStore>();

    private static ApiKey Key(string id, string organizationId, DateTimeOffset createdAt) => new()
    {
        Id = id, OrganizationId = organizationId, Name = "CI", SecretHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", CreatedAt = createdAt,
    };

    [Test]
    public async Task Should_add_an_organization_once_and_list_them_oldest_first()
    {
        Assert.That(await Organizations.AddAsync(new Organization { Id = "org_b", Name = "B", CreatedAt = At(2) }, Ct), Is.True);
        Assert.That(await Organizations.AddAsync(new Organization { Id = "org_a", Name = "A", CreatedAt = At(1) }, Ct), Is.True);
        Assert.That(await Organizations.AddAsync(new Organization { Id = "org_a", Name = "Again", CreatedAt = At(3) }, Ct), Is.False);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Organizations.GetAsync("org_a", Ct), Is.EqualTo(new Organization { Id = "org_a", Name = "A", CreatedAt = At(1) }));
            Assert.That(await Organizations.GetAsync("org_missing", Ct), Is.Null);
            Assert.That((await Organizations.ListAsync(Ct)).Select(o => o.Id), Is.EqualTo(new[] { "org_a", "org_b" }));
        }
    }

    [Test]
    public async Task Should_round_trip_a_key_and_find_it_by_id_whatever_its_organization()
    {
        await Keys.AddAsync(Key("key_1", TestData.Organization, At(1)), Ct);

        Assert.That(await Keys.FindAsync("key_1", Ct), Is.EqualTo(Key("key_1", TestData.Organization, At(1))));
        Assert.That(await Keys.FindAsync("key_missing", Ct), Is.Null);
    }

    [Test]
    public async Task Should_list_only_the_organizations_keys_oldest_first()
    {
        await Keys.AddAsync(Key("key_2", TestData.Organization, At(2)), Ct);
        await Keys.AddAsync(Key("key_1", TestData.Organization, At(1)), Ct);
        await Keys.AddAsync(Key("key_other", OtherOrganization, At(0)), Ct);

        Assert.That((await Keys.ListAsync(TestData.Organization, Ct)).Select(k => k.Id), Is.EqualTo(new[] { "key_1", "key_2" }));
    }

    [Test]
    public async Task Should_revoke_the_organizations_key_once_and_not_another_organizations()
    {
        await Keys.AddAsync(Key("key_1", TestData.Organization, At(1)), Ct);

        Assert.That(await Keys.RevokeAsync(OtherOrganization, "key_1", At(5), Ct), Is.False);
        Assert.That((await Keys.FindAsync("key_1", Ct))!.RevokedAt, Is.Null);
        Assert.That(await Keys.RevokeAsync(TestData.Organization, "key_1", At(5), Ct), Is.True);
        Assert.That(await Keys.RevokeAsync(TestData.Organization, "key_1", At(6), Ct), Is.False);
        Assert.That((await Keys.FindAsync("key_1", Ct))!.RevokedAt, Is.EqualTo(At(5)));
    }
}
