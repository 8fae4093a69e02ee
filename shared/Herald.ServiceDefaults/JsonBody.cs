using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.ServiceDefaults;

/// <summary>
/// Reads a JSON request body with a size cap, turning malformed JSON into a validation error
/// that names the field at fault instead of a bare 400.
/// </summary>
public static class JsonBody
{
    /// <summary>The outcome of reading a body: the value, or the problem to answer with.</summary>
    public readonly record struct Result<T>(T? Value, IResult? Problem);

    /// <summary>Reads and deserializes the body; <paramref name="limit"/> bytes at most.</summary>
    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return new(default, TooLarge(limit));
        }

        using var body = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > limit)
            {
                return new(default, TooLarge(limit));
            }
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return new(JsonSerializer.Deserialize<T>(body.GetBuffer().AsSpan(0, (int)body.Length), options), null);
        }
        catch (JsonException exception)
        {
            var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
            var message = exception.Message;
            var end = message.IndexOf(". ", StringComparison.Ordinal);
            var detail = "Not valid JSON here: " + (end < 0 ? message : message[..(end + 1)]);
            return new(default, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }));
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(int limit) => TypedResults.Problem(
        title: "Request body too large",
        detail: $"The body is larger than {limit} bytes.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
