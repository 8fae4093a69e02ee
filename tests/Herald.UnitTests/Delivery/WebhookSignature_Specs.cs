using System.Text;
using Herald.Delivery;

namespace Herald.UnitTests.Delivery;

public sealed class When_signing_a_webhook
{
    // The Standard Webhooks reference vector, as in standard-webhooks/standard-webhooks
    // libraries/csharp/StandardWebhooks.Tests/WebhookTest.cs (verifyWebhookSignWorks).
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Payload = "{\"test\": 2432232314}";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Test]
    public void Should_reproduce_the_specification_test_vector()
    {
        Assert.That(WebhookSignature.Sign(Secret, MessageId, Timestamp, Encoding.UTF8.GetBytes(Payload)), Is.EqualTo(Expected));
    }

    [Test]
    public void Should_accept_the_secret_without_its_prefix()
    {
        Assert.That(WebhookSignature.Sign(Secret["whsec_".Length..], MessageId, Timestamp, Encoding.UTF8.GetBytes(Payload)), Is.EqualTo(Expected));
    }

    [Test]
    public void Should_agree_with_an_independent_hmac_over_id_timestamp_and_body()
    {
        var body = Encoding.UTF8.GetBytes("{\"other\":\"body é\"}");

        var signature = WebhookSignature.Sign(Secret, "msg_1", 1_700_000_000, body);

        Assert.That(signature, Is.EqualTo(StandardWebhooksVerifier.Expected(Secret, "msg_1", "1700000000", body)));
    }

    [Test]
    public void Should_change_when_the_body_changes()
    {
        var one = WebhookSignature.Sign(Secret, MessageId, Timestamp, Encoding.UTF8.GetBytes(Payload));
        var other = WebhookSignature.Sign(Secret, MessageId, Timestamp, Encoding.UTF8.GetBytes(Payload + " "));

        Assert.That(other, Is.Not.EqualTo(one));
    }
}

public sealed class When_creating_a_signing_secret
{
    [Test]
    public void Should_be_whsec_and_32_random_bytes_in_base64()
    {
        var secret = WebhookSignature.NewSecret();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(secret, Does.StartWith("whsec_"));
            Assert.That(Convert.FromBase64String(secret["whsec_".Length..]), Has.Length.EqualTo(32));
            Assert.That(WebhookSignature.NewSecret(), Is.Not.EqualTo(secret));
        }
    }
}
