namespace Herald.Storage;

/// <summary>Why an attempt got no usable answer.</summary>
public enum AttemptErrorKind
{
    /// <summary>The endpoint answered with a non-2xx status.</summary>
    HttpStatus,
    /// <summary>No answer within the timeout.</summary>
    Timeout,
    /// <summary>The connection was refused or reset.</summary>
    ConnectionFailed,
    /// <summary>The host name did not resolve.</summary>
    Dns,
    /// <summary>The TLS handshake failed.</summary>
    Tls,
    /// <summary>The destination is not allowed by the address policy.</summary>
    DestinationNotAllowed,
    /// <summary>The worker stopped (shutdown, lost broker connection) before the endpoint answered.</summary>
    Interrupted,
    /// <summary>Anything else.</summary>
    Other,
}
