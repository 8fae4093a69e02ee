namespace Herald.ServiceDefaults;

/// <summary>A setting is missing or invalid; the message names it. The host prints it and exits.</summary>
public sealed class InvalidSettingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidSettingException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidSettingException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidSettingException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
