namespace Herald.Delivery.Security;

/// <summary>The webhook's host name did not resolve.</summary>
public sealed class HostNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HostNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public HostNotFoundException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public HostNotFoundException()
    {
    }
}
