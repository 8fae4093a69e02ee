namespace Herald.Delivery.Security;

/// <summary>The address a request would reach is refused by the <see cref="AddressPolicy"/>.</summary>
public sealed class DestinationNotAllowedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DestinationNotAllowedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DestinationNotAllowedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DestinationNotAllowedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
