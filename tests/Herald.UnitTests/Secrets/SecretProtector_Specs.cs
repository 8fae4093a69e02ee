using System.Security.Cryptography;
using Herald.Storage.Protection;

namespace Herald.UnitTests.Secrets;

public class When_protecting_secrets_at_rest
{
    private static readonly byte[] KeyA = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] KeyB = RandomNumberGenerator.GetBytes(32);
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static SecretProtector Protector(string active = "a") => new(new Dictionary<string, byte[]> { ["a"] = KeyA, ["b"] = KeyB }, active);

    [Test]
    public void Should_round_trip_with_authenticated_encryption_and_a_key_id()
    {
        var stored = Protector().Protect(Secret, "wh_1");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored, Does.StartWith("enc:v1:a:"));
            Assert.That(stored, Does.Not.Contain(Secret).And.Not.Contain(Secret[6..]));
            Assert.That(Protector().Unprotect(stored, "wh_1"), Is.EqualTo(Secret));
            Assert.That(Protector().Protect(Secret, "wh_1"), Is.Not.EqualTo(stored), "a fresh nonce every time");
        }
    }

    [Test]
    public void Should_decrypt_with_the_key_it_names_after_the_active_key_rotates()
    {
        var stored = Protector("a").Protect(Secret, "wh_1");
        Assert.That(Protector("b").Unprotect(stored, "wh_1"), Is.EqualTo(Secret));
        Assert.That(Protector("b").Protect(Secret, "wh_1"), Does.StartWith("enc:v1:b:"));
    }

    [Test]
    public void Should_refuse_a_secret_moved_to_another_webhook() =>
        Assert.That(() => Protector().Unprotect(Protector().Protect(Secret, "wh_1"), "wh_2"), Throws.InstanceOf<CryptographicException>());

    [Test]
    public void Should_refuse_a_tampered_ciphertext()
    {
        var stored = Protector().Protect(Secret, "wh_1");
        var bytes = Convert.FromBase64String(stored["enc:v1:a:".Length..]);
        bytes[^1] ^= 1;
        Assert.That(() => Protector().Unprotect("enc:v1:a:" + Convert.ToBase64String(bytes), "wh_1"), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void Should_name_a_missing_key() =>
        Assert.That(() => new SecretProtector(new Dictionary<string, byte[]> { ["b"] = KeyB }, "b").Unprotect(Protector("a").Protect(Secret, "wh_1"), "wh_1"),
            Throws.InstanceOf<CryptographicException>().With.Message.Contains("'a'").And.Message.Contains("Security:EncryptionKeys"));

    [Test]
    public void Should_read_a_secret_stored_before_encryption_as_it_is() =>
        Assert.That(Protector().Unprotect(Secret, "wh_1"), Is.EqualTo(Secret));
}
