using System.Text;

namespace LabelStudio.Browser.Tests.Infrastructure;

/// <summary>
/// A slow network, made certain: the page's live connection opens and the browser asks the server
/// for its circuit, but nothing the server answers from then on reaches the page until
/// <see cref="Release"/>. Frames keep their order; the browser's own frames are never held.
/// </summary>
internal sealed class HeldDownstream
{
    private readonly TaskCompletionSource circuitAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(IWebSocketRoute To, IWebSocketFrame Frame)> held = [];
    private bool released;

    /// <summary>Completes once a page has asked the server to start its circuit.</summary>
    public Task CircuitAsked => circuitAsked.Task;

    public Task AttachAsync(IPage page) => page.RouteWebSocketAsync("**/_blazor**", Route);

    public void Release()
    {
        lock (held)
        {
            released = true;
            foreach (var (to, frame) in held)
            {
                Forward(to, frame);
            }
            held.Clear();
        }
    }

    private void Route(IWebSocketRoute browserSide)
    {
        var serverSide = browserSide.ConnectToServer();
        browserSide.OnMessage(frame =>
        {
            Forward(serverSide, frame);
            if (frame.Binary is { } bytes && Encoding.ASCII.GetString(bytes).Contains("StartCircuit"))
            {
                circuitAsked.TrySetResult();
            }
        });
        serverSide.OnMessage(frame =>
        {
            lock (held)
            {
                if (released || !circuitAsked.Task.IsCompleted)
                {
                    Forward(browserSide, frame);
                }
                else
                {
                    held.Add((browserSide, frame));
                }
            }
        });
    }

    private static void Forward(IWebSocketRoute to, IWebSocketFrame frame)
    {
        if (frame.Binary is { } bytes)
        {
            to.Send(bytes);
        }
        else
        {
            to.Send(frame.Text ?? "");
        }
    }
}
