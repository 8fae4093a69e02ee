using Herald.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace Herald.Host;

/// <summary>Reads the <c>Roles</c> setting (<c>--roles fanout,delivery</c>); all roles when unset.</summary>
public static class RoleSettings
{
    /// <summary>The setting's name.</summary>
    public const string Setting = "Roles";

    /// <summary>The roles to run; an unknown name stops start-up with a message naming the setting.</summary>
    public static HeraldRole Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return HeraldRole.All;
        }

        var roles = HeraldRole.None;
        foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            roles |= name.ToLowerInvariant() switch
            {
                "all" => HeraldRole.All,
                "ingest" => HeraldRole.Ingest,
                "fanout" => HeraldRole.Fanout,
                "delivery" => HeraldRole.Delivery,
                "api" => HeraldRole.Api,
                _ => throw new InvalidSettingException($"{Setting}: '{name}' is not a role; use any of ingest, fanout, delivery, api (or all)."),
            };
        }

        return roles == HeraldRole.None
            ? throw new InvalidSettingException($"{Setting} names no role; use any of ingest, fanout, delivery, api (or all).")
            : roles;
    }

    /// <summary>The service name for telemetry: <c>herald</c> for all roles, else <c>herald-fanout-delivery</c>.</summary>
    public static string ServiceName(HeraldRole roles) => roles == HeraldRole.All
        ? "herald"
        : "herald-" + string.Join('-', Enum.GetValues<HeraldRole>()
            .Where(r => r is not (HeraldRole.None or HeraldRole.All) && roles.HasFlag(r))
            .Select(r => r.ToString().ToLowerInvariant()));
}
