using Herald.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Herald.Delivery;

/// <summary>Checks what data annotations cannot: the schedule parses and the lease outlasts an attempt.</summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        try
        {
            RetrySchedule.Parse(options.RetrySchedule);
        }
        catch (InvalidSettingException exception)
        {
            failures.Add(exception.Message);
        }

        if (options.DispatchLease <= options.Timeout)
        {
            failures.Add($"Delivery:DispatchLease ({options.DispatchLease}) must be longer than Delivery:Timeout ({options.Timeout}).");
        }

        if (options.ConnectTimeout > options.Timeout)
        {
            failures.Add($"Delivery:ConnectTimeout ({options.ConnectTimeout}) must not exceed Delivery:Timeout ({options.Timeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
