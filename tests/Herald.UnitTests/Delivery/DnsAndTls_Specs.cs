using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Herald.Contracts;
using Herald.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Herald.UnitTests.Delivery;

public sealed class When_the_endpoint_cannot_be_reached_securely : DeliveryRig
{
    private WebApplication? tls;

    [TearDown]
    public async Task StopTls()
    {
        if (tls is not null)
        {
            await tls.DisposeAsync();
        }
    }

    private async Task<DeliveryAttempt> AttemptAsync(string url, bool secure)
    {
        var webhook = await AddWebhookAsync(url);
        await Webhooks.UpdateAsync(webhook with { Secure = secure }, Ct);
        var delivery = await AddDeliveryAsync(webhook.Id);
        return (await Processor.ProcessAsync(new DeliverWebhook(delivery.Id, 1), Ct))!;
    }

    [Test]
    public async Task Should_report_a_host_that_does_not_resolve()
    {
        // RFC 6761: names under .invalid never resolve.
        var attempt = await AttemptAsync("https://no-such-host.invalid/hook", secure: true);

        Assert.That(attempt.ErrorKind, Is.EqualTo(AttemptErrorKind.Dns));
        Assert.That(attempt.Error, Is.EqualTo("could not resolve host 'no-such-host.invalid'"));
    }

    [Test]
    public async Task Should_report_a_certificate_it_cannot_trust_in_secure_mode_and_tolerate_it_otherwise()
    {
        var url = await StartTlsReceiverAsync();

        var secure = await AttemptAsync(url, secure: true);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(secure.ErrorKind, Is.EqualTo(AttemptErrorKind.Tls));
            Assert.That(secure.Error, Does.StartWith("TLS handshake with 127.0.0.1:"));
            Assert.That(secure.Response, Is.Null);
        }

        await Deliveries.TryUpdateAsync((await StoredAsync(secure.DeliveryId)) with { State = DeliveryState.Pending, AttemptCount = 0 }, 1, Ct);
        await Webhooks.UpdateAsync((await Webhooks.FindAsync("wh_1", Ct))! with { Secure = false }, Ct);
        var tolerated = await Processor.ProcessAsync(new DeliverWebhook(secure.DeliveryId, 1), Ct);
        Assert.That(tolerated?.Response?.StatusCode, Is.EqualTo(200), "secure mode off tolerates the self-signed certificate");
    }

    private async Task<string> StartTlsReceiverAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(certificate)));
        tls = builder.Build();
        tls.Run(context => context.Response.WriteAsync("ok"));
        await tls.StartAsync(Ct);
        var address = tls.Urls.First();
        return address.TrimEnd('/') + "/hook";
    }
}
