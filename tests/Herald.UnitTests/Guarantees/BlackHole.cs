using Herald.Testing;

namespace Herald.UnitTests.Guarantees;

/// <summary>
/// An endpoint that accepts connections and reads requests but never answers until released:
/// the hanging customer endpoint. Released (and then answering 200) when disposed.
/// </summary>
internal sealed class BlackHole : IAsyncDisposable
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int answered;

    private BlackHole(LoopbackReceiver receiver) => Receiver = receiver;

    public LoopbackReceiver Receiver { get; }

    /// <summary>Requests answered so far: none until <see cref="Release"/>.</summary>
    public int Answered => Volatile.Read(ref answered);

    public static async Task<BlackHole> StartAsync()
    {
        var hole = new BlackHole(await LoopbackReceiver.StartAsync());
        hole.Receiver.Respond = async (_, context) =>
        {
            await hole.release.Task;
            Interlocked.Increment(ref hole.answered);
            context.Response.StatusCode = 200;
        };
        return hole;
    }

    /// <summary>Lets every held request, and every later one, be answered 200.</summary>
    public void Release() => release.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await Receiver.DisposeAsync();
    }
}
