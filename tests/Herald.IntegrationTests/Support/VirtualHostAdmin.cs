using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Testcontainers.RabbitMq;

namespace Herald.IntegrationTests.Support;

/// <summary>
/// Creates and deletes virtual hosts: with <c>rabbitmqctl</c> inside the container, with the local
/// <c>rabbitmqctl</c> (a broker on this machine, tests running as root or the rabbitmq user), or
/// with the management API when the plugin is on. The first way that works is kept.
/// </summary>
public sealed class VirtualHostAdmin
{
    private readonly List<(string Name, Func<string, string, Task<bool>> Add, Func<string, Task<bool>> Delete)> ways = [];
    private int chosen = -1;

    private VirtualHostAdmin()
    {
    }

    /// <summary>The ways that may work for a broker at <paramref name="url"/>.</summary>
    public static VirtualHostAdmin For(Uri url, RabbitMqContainer? container)
    {
        ArgumentNullException.ThrowIfNull(url);
        var admin = new VirtualHostAdmin();
        if (container is not null)
        {
            admin.ways.Add(("container rabbitmqctl",
                async (vhost, user) => await ContainerCtl(container, "add_vhost", vhost) && await ContainerCtl(container, "set_permissions", "-p", vhost, user, ".*", ".*", ".*"),
                vhost => ContainerCtl(container, "delete_vhost", vhost)));
        }
        else if (url.IsLoopback || url.Host == "localhost")
        {
            admin.ways.Add(("rabbitmqctl",
                async (vhost, user) => await LocalCtl("add_vhost", vhost) && await LocalCtl("set_permissions", "-p", vhost, user, ".*", ".*", ".*"),
                vhost => LocalCtl("delete_vhost", vhost)));
        }

        admin.ways.Add(("management API",
            async (vhost, user) => await Management(url, HttpMethod.Put, $"vhosts/{Uri.EscapeDataString(vhost)}", "{}")
                && await Management(url, HttpMethod.Put, $"permissions/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(user)}", """{"configure":".*","write":".*","read":".*"}"""),
            vhost => Management(url, HttpMethod.Delete, $"vhosts/{Uri.EscapeDataString(vhost)}", null)));
        return admin;
    }

    /// <summary>Adds <paramref name="vhost"/> with full rights for the URL's user; false when no way works.</summary>
    public async Task<bool> TryAddAsync(string vhost, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var user = Uri.UnescapeDataString(url.UserInfo.Split(':')[0]);
        for (var i = Math.Max(chosen, 0); i < ways.Count; i++)
        {
            if (await ways[i].Add(vhost, user))
            {
                chosen = i;
                return true;
            }
        }

        chosen = ways.Count;
        return false;
    }

    /// <summary>Deletes a virtual host made by <see cref="TryAddAsync"/>.</summary>
    public async Task DeleteAsync(string vhost)
    {
        if (chosen >= 0 && chosen < ways.Count && !await ways[chosen].Delete(vhost))
        {
            await TestContext.Progress.WriteLineAsync($"RabbitMQ: could not delete virtual host {vhost} with {ways[chosen].Name}.");
        }
    }

    private static async Task<bool> ContainerCtl(RabbitMqContainer container, params string[] args)
    {
        var result = await container.ExecAsync(["rabbitmqctl", .. args]);
        return result.ExitCode == 0;
    }

    private static async Task<bool> LocalCtl(params string[] args)
    {
        var path = File.Exists("/usr/sbin/rabbitmqctl") ? "/usr/sbin/rabbitmqctl" : "rabbitmqctl";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(path, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var error = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            await Task.WhenAll(output, error);
            return process.ExitCode == 0;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> Management(Uri url, HttpMethod method, string path, string? json)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(method, $"http://{url.Host}:15672/api/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(url.UserInfo))));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
