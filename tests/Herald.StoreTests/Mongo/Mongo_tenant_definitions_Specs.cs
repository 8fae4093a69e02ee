using Herald.Storage.Mongo.Definitions;
using static Herald.StoreTests.Mongo.MongoRender;

namespace Herald.StoreTests.Mongo;

public sealed class When_rendering_tenant_definitions
{
    [Test]
    public void Should_find_keys_by_id_and_list_an_organizations_keys_oldest_first()
    {
        AssertRenders(Filter(TenantDefinitions.Key("key_1")), """{ _id: "key_1" }""");
        AssertRenders(Filter(TenantDefinitions.KeysOf("org_1")), """{ organization_id: "org_1" }""");
        AssertRenders(Sort(TenantDefinitions.KeysOldestFirst()), """{ created_at: 1, _id: 1 }""");
        AssertRenders(Sort(TenantDefinitions.OrganizationsOldestFirst()), """{ created_at: 1, _id: 1 }""");
    }

    [Test]
    public void Should_revoke_only_an_active_key_of_the_organization()
    {
        AssertRenders(Filter(TenantDefinitions.ActiveKeyOf("org_1", "key_1")), """{ _id: "key_1", organization_id: "org_1", revoked_at: null }""");
        AssertRenders(Update(TenantDefinitions.Revoke(42)), """{ $set: { revoked_at: NumberLong(42) } }""");
    }
}
