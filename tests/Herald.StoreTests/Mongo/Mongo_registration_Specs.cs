using Herald.Storage;
using Herald.Storage.Mongo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

namespace Herald.StoreTests.Mongo;

// Resolving needs no server: the client connects lazily, on the first operation.
public sealed class When_adding_the_mongo_store
{
    private const string ConnectionString = "mongodb://127.0.0.1:27017/?serverSelectionTimeoutMS=1000";

    [Test]
    public void Should_resolve_every_store_and_the_initializer_as_singletons()
    {
        using var provider = new ServiceCollection().AddHeraldMongoStore(ConnectionString, "herald_specs").BuildServiceProvider();

        Assert.Multiple(() =>
        {
            AssertSingleton<IWebhookStore>(provider);
            AssertSingleton<IEventStore>(provider);
            AssertSingleton<IDeliveryStore>(provider);
            AssertSingleton<IAttemptStore>(provider);
            AssertSingleton<IInboxStore>(provider);
            AssertSingleton<IStoreInitializer>(provider);
            AssertSingleton<IMongoClient>(provider);
        });
    }

    [Test]
    public void Should_use_the_named_database()
    {
        using var provider = new ServiceCollection().AddHeraldMongoStore(ConnectionString, "herald_specs").BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IMongoDatabase>().DatabaseNamespace.DatabaseName, Is.EqualTo("herald_specs"));
    }

    [Test]
    public void Should_run_the_initializer_as_the_one_hosted_service()
    {
        using var provider = new ServiceCollection().AddHeraldMongoStore(ConnectionString, "herald_specs").BuildServiceProvider();

        Assert.That(provider.GetServices<IHostedService>().Count(), Is.EqualTo(1));
    }

    [Test]
    public void Should_allow_many_providers_in_one_process()
    {
        using var first = new ServiceCollection().AddHeraldMongoStore(ConnectionString, "herald_a").BuildServiceProvider();
        using var second = new ServiceCollection().AddHeraldMongoStore(ConnectionString, "herald_b").BuildServiceProvider();

        Assert.That(first.GetRequiredService<IDeliveryStore>(), Is.Not.SameAs(second.GetRequiredService<IDeliveryStore>()));
        Assert.That(second.GetRequiredService<IMongoDatabase>().DatabaseNamespace.DatabaseName, Is.EqualTo("herald_b"));
    }

    [TestCase("", "herald")]
    [TestCase(ConnectionString, " ")]
    public void Should_reject_a_missing_connection_string_or_database(string connectionString, string databaseName) =>
        Assert.That(() => new ServiceCollection().AddHeraldMongoStore(connectionString, databaseName), Throws.InstanceOf<ArgumentException>());

    private static void AssertSingleton<T>(ServiceProvider provider)
        where T : notnull
    {
        var first = provider.GetRequiredService<T>();
        var again = provider.GetRequiredService<T>();
        Assert.That(again, Is.SameAs(first), typeof(T).Name);
    }
}
