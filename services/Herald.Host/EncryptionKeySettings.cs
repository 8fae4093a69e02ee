using System.Security.Cryptography;
using Herald.ServiceDefaults;
using Herald.Storage.Protection;

namespace Herald.Host;

/// <summary>
/// The keys that encrypt signing secrets at rest: <c>Security:EncryptionKeys</c>
/// (<c>id:base64-32-bytes</c>, comma separated) with <c>Security:EncryptionKeyId</c> naming the
/// one new secrets use. On the embedded SQLite store without keys configured, Herald creates a
/// key file beside the database (<c>herald.db.key</c>, owner-only) so one command still works;
/// with MongoDB the keys are required.
/// </summary>
public static class EncryptionKeySettings
{
    /// <summary>The setting with the keys.</summary>
    public const string KeysSetting = "Security:EncryptionKeys";

    /// <summary>The setting naming the active key.</summary>
    public const string ActiveSetting = "Security:EncryptionKeyId";

    /// <summary>Reads (or, embedded, creates) the keys; a bad setting names itself.</summary>
    public static SecretProtector Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[KeysSetting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            var store = configuration[StoreSettings.Setting];
            if (!string.IsNullOrWhiteSpace(store) && !store.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidSettingException($"{KeysSetting} is required when Store is {store}: give at least one key as id:base64 of 32 random bytes (openssl rand -base64 32).");
            }

            configured = LocalKey(configuration["Sqlite:Path"] ?? "herald.db");
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            byte[]? key = null;
            if (colon > 0)
            {
                try
                {
                    key = Convert.FromBase64String(entry[(colon + 1)..]);
                }
                catch (FormatException)
                {
                }
            }

            if (key is not { Length: 32 })
            {
                throw new InvalidSettingException($"{KeysSetting}: each key is id:base64 of exactly 32 bytes; '{(colon > 0 ? entry[..colon] : "?")}' is not.");
            }

            keys[entry[..colon]] = key;
        }

        var active = configuration[ActiveSetting] ?? keys.Keys.First();
        return keys.ContainsKey(active)
            ? new SecretProtector(keys, active)
            : throw new InvalidSettingException($"{ActiveSetting}: '{active}' is not one of the keys in {KeysSetting}.");
    }

    private static string LocalKey(string databasePath)
    {
        var path = Path.GetFullPath(databasePath + ".key");
        if (!File.Exists(path))
        {
            // Written aside and moved into place, so processes starting together agree on one key.
            var temporary = path + "." + Guid.NewGuid().ToString("N");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
            {
                writer.Write("local:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(temporary);
            }
        }

        return File.ReadAllText(path).Trim();
    }
}
