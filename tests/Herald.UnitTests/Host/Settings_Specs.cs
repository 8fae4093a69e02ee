using Herald.Host;
using Herald.ServiceDefaults;
using Herald.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.UnitTests.Host;

public sealed class When_reading_the_roles_setting
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Test]
    public void Should_run_every_role_when_unset()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RoleSettings.Read(Config()), Is.EqualTo(HeraldRole.All));
            Assert.That(RoleSettings.Read(Config(("Roles", " "))), Is.EqualTo(HeraldRole.All));
        }
    }

    [TestCase("all", HeraldRole.All)]
    [TestCase("ingest", HeraldRole.Ingest)]
    [TestCase("fanout,delivery", HeraldRole.Fanout | HeraldRole.Delivery)]
    [TestCase(" API , Ingest ", HeraldRole.Api | HeraldRole.Ingest)]
    [TestCase("delivery,all", HeraldRole.All)]
    public void Should_run_the_roles_named(string value, HeraldRole expected)
    {
        Assert.That(RoleSettings.Read(Config(("Roles", value))), Is.EqualTo(expected));
    }

    [TestCase("nope")]
    [TestCase("fanout,worker")]
    [TestCase(",,")]
    public void Should_stop_with_a_message_naming_the_setting(string value)
    {
        var exception = Assert.Throws<InvalidSettingException>(() => RoleSettings.Read(Config(("Roles", value))));

        Assert.That(exception.Message, Does.StartWith("Roles"));
    }

    [Test]
    public void Should_name_the_service_after_its_roles()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RoleSettings.ServiceName(HeraldRole.All), Is.EqualTo("herald"));
            Assert.That(RoleSettings.ServiceName(HeraldRole.Delivery | HeraldRole.Fanout), Is.EqualTo("herald-fanout-delivery"));
        }
    }
}

public sealed class When_selecting_the_store
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static string Failure(params (string Key, string? Value)[] values) =>
        Assert.Throws<InvalidSettingException>(() => new ServiceCollection().AddHeraldStore(Config(values)))!.Message;

    [Test]
    public void Should_register_sqlite_by_default()
    {
        var services = new ServiceCollection().AddHeraldStore(Config(("Sqlite:Path", "x.db")));

        Assert.That(services.Any(d => d.ServiceType == typeof(IWebhookStore)), Is.True);
    }

    [Test]
    public void Should_name_an_unknown_store()
    {
        Assert.That(Failure(("Store", "Cassandra")), Does.StartWith("Store").And.Contains("Cassandra"));
    }

    [Test]
    public void Should_name_a_missing_mongo_connection_string()
    {
        Assert.That(Failure(("Store", "Mongo")), Does.Contain("Mongo:ConnectionString"));
    }

    [Test]
    public void Should_name_a_mongo_connection_string_of_the_wrong_scheme()
    {
        Assert.That(Failure(("Store", "mongo"), ("Mongo:ConnectionString", "http://localhost:27017")), Does.Contain("Mongo:ConnectionString"));
    }

    [Test]
    public void Should_name_a_missing_sqlite_path()
    {
        Assert.That(Failure(("Store", "Sqlite")), Does.Contain("Sqlite:Path"));
    }
}
