using System.Globalization;

namespace Herald.Benchmarks;

/// <summary><c>--events 1000 --webhooks 2 --concurrency 32 --runs 3 --transport InMemory|RabbitMq --rabbitmq amqp://…</c></summary>
internal sealed record BenchmarkOptions(int Events, int Webhooks, int Concurrency, int Runs, string Transport, string RabbitMqUrl)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new(Number("events", 1000), Number("webhooks", 2), Number("concurrency", 32), Number("runs", 3),
            Get("transport", "InMemory"), Get("rabbitmq", "amqp://guest:guest@localhost:5672/"));
    }

    public string Command =>
        $"dotnet run -c Release --project tests/Herald.Benchmarks -- --events {Events} --webhooks {Webhooks} --concurrency {Concurrency} --runs {Runs} --transport {Transport}";
}
