using System.Net.Sockets;
using System.Security.Authentication;
using Herald.Storage;

namespace Herald.Delivery;

/// <summary>Turns a failed request into a kind and a sentence an admin can act on.</summary>
public static class SendErrors
{
    /// <summary>Describes <paramref name="exception"/> for the attempt record.</summary>
    public static (AttemptErrorKind Kind, string Error) Describe(HttpRequestException exception, Uri url, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = $"{url.Host}:{url.Port}";
        if (Find<Security.DestinationNotAllowedException>(exception) is { } refused)
        {
            return (AttemptErrorKind.DestinationNotAllowed, refused.Message);
        }

        if (Find<Security.HostNotFoundException>(exception) is { } notFound)
        {
            return (AttemptErrorKind.Dns, notFound.Message);
        }

        if (Find<TimeoutException>(exception) is not null)
        {
            return (AttemptErrorKind.Timeout, $"connect to {endpoint} timed out after {options.ConnectTimeout.TotalSeconds:0.###} s");
        }

        if (Find<AuthenticationException>(exception) is { } tls)
        {
            return (AttemptErrorKind.Tls, $"TLS handshake with {endpoint} failed: {tls.Message}");
        }

        var socket = Find<SocketException>(exception);
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => (AttemptErrorKind.Dns, $"could not resolve host '{url.Host}'"),
            HttpRequestError.SecureConnectionError => (AttemptErrorKind.Tls, $"TLS handshake with {endpoint} failed"),
            HttpRequestError.ConnectionError when socket?.SocketErrorCode == SocketError.ConnectionRefused =>
                (AttemptErrorKind.ConnectionFailed, $"connection refused by {endpoint}"),
            HttpRequestError.ConnectionError => (AttemptErrorKind.ConnectionFailed, $"could not connect to {endpoint}: {socket?.Message ?? exception.Message}"),
            HttpRequestError.ResponseEnded => (AttemptErrorKind.ConnectionFailed, $"{endpoint} closed the connection before answering"),
            HttpRequestError.InvalidResponse => (AttemptErrorKind.Other, $"{endpoint} sent an invalid HTTP response"),
            HttpRequestError.ConfigurationLimitExceeded => (AttemptErrorKind.Other, $"{endpoint} sent response headers larger than allowed"),
            _ when socket is not null => (AttemptErrorKind.ConnectionFailed, $"connection to {endpoint} failed: {socket.Message}"),
            _ => (AttemptErrorKind.Other, $"request to {endpoint} failed: {exception.Message}"),
        };
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
