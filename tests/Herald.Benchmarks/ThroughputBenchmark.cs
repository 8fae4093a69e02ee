using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Herald.Host;
using Herald.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Benchmarks;

/// <summary>
/// End-to-end throughput of one embedded Herald (all roles, one process) on this machine:
/// records POSTed to ingest with bounded concurrency, delivered to a loopback receiver that
/// answers 200 at once. Prints per-run figures and the medians, with the command to repeat it.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        Console.WriteLine($"bench: {options.Command}");
        var runs = new List<RunResult>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var result = await RunOnceAsync(options);
            runs.Add(result);
            Console.WriteLine($"run {run}: {result}");
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        Console.WriteLine($"median of {runs.Count}: ingest {Median(runs.Select(r => r.IngestPerSecond)):0} records/s, "
            + $"delivered {Median(runs.Select(r => r.DeliveredPerSecond)):0} requests/s, "
            + $"latency p50 {Median(runs.Select(r => r.P50)):0} ms, p95 {Median(runs.Select(r => r.P95)):0} ms, "
            + $"cpu {Median(runs.Select(r => r.CpuMsPerDelivery)):0.00} ms/delivery, allocated {Median(runs.Select(r => r.AllocatedMegabytes)):0} MB");
        return 0;
    }

    private static async Task<RunResult> RunOnceAsync(BenchmarkOptions options)
    {
        using var database = new TempDatabase();
        await using var receiver = await LoopbackReceiver.StartAsync();
        var app = HeraldApp.Build(
        [
            "--urls", "http://127.0.0.1:0", "--Sqlite:Path", database.Path, "--Security:AdminKey", TestKeys.Admin,
            "--Security:AllowedNetworks", "127.0.0.0/8", "--Transport", options.Transport, "--RabbitMq:Url", options.RabbitMqUrl,
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var org = "org_bench_" + Guid.NewGuid().ToString("N")[..8];
            var key = await new OrganizationKeys(http).ForAsync(org, CancellationToken.None);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            for (var i = 0; i < options.Webhooks; i++)
            {
                using var created = await http.PostAsJsonAsync("/v1/webhooks", new { name = $"bench {i}", url = receiver.UrlFor($"/hook/{i}"), secure = false });
                created.EnsureSuccessStatusCode();
            }

            var published = new ConcurrentDictionary<string, long>();
            using var process = Process.GetCurrentProcess();
            var cpuAtStart = process.TotalProcessorTime;
            var allocatedAtStart = GC.GetTotalAllocatedBytes();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Events), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (_, token) =>
            {
                var id = Guid.NewGuid();
                published[$"evt_{id:D}"] = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/v1/audit-logs", new
                {
                    audit_log_id = id, organization_id = org, actor = new { ip = "203.0.113.7", user_agent = "bench", username = "bench" },
                    date = DateTimeOffset.UtcNow, description = "benchmark", event_category = "user", event_name = "login",
                }, token);
                response.EnsureSuccessStatusCode();
            });
            var ingestSeconds = clock.Elapsed.TotalSeconds;
            var expected = options.Events * options.Webhooks;
            await receiver.WaitForAsync(expected, TimeSpan.FromMinutes(10));
            var totalSeconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpuAtStart).TotalSeconds;
            var allocatedMegabytes = (GC.GetTotalAllocatedBytes() - allocatedAtStart) / 1048576.0;

            var latencies = receiver.Requests
                .Select(r => (Event: System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("event_id").GetString()!, r.ReceivedAt))
                .Select(r => (r.ReceivedAt - StartOf(published[r.Event], clock)).TotalMilliseconds)
                .Order().ToArray();
            return new RunResult(options.Events / ingestSeconds, expected / totalSeconds, latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.95)],
                cpuSeconds * 1000 / expected, allocatedMegabytes);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static DateTimeOffset StartOf(long timestamp, Stopwatch clock) =>
        DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(timestamp);

    // CPU and allocations are the whole process's (Herald, load and receiver) from the first
    // record to the last delivery: on a shared machine they vary far less than the rates.
    private sealed record RunResult(double IngestPerSecond, double DeliveredPerSecond, double P50, double P95, double CpuMsPerDelivery, double AllocatedMegabytes)
    {
        public override string ToString() =>
            $"ingest {IngestPerSecond:0} records/s, delivered {DeliveredPerSecond:0} requests/s, latency p50 {P50:0} ms, p95 {P95:0} ms, "
            + $"cpu {CpuMsPerDelivery:0.00} ms/delivery, allocated {AllocatedMegabytes:0} MB";
    }
}
