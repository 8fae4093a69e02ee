using MassTransit;

namespace Herald.Messaging;

/// <summary>
/// Collects what each role contributes to the one bus of the process (its consumers), so the
/// host can call <c>AddMassTransit</c> once with all of them.
/// </summary>
public sealed class HeraldBusBuilder
{
    private readonly List<Action<IBusRegistrationConfigurator>> registrations = [];

    /// <summary>The registrations added so far.</summary>
    public IReadOnlyList<Action<IBusRegistrationConfigurator>> Registrations => registrations;

    /// <summary>Adds a role's consumers.</summary>
    public HeraldBusBuilder AddConsumers(Action<IBusRegistrationConfigurator> registration)
    {
        registrations.Add(registration);
        return this;
    }
}
