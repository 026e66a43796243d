using System.Runtime.InteropServices;

namespace LabelStudio.Core.Training;

/// <summary>
/// Runs CPU-heavy training work on a thread of its own, below the priority of the threads that
/// answer annotators. A pool thread would do the same work, but it would take one of the few pool
/// threads a 2-core host has, and the scheduler would give a fit the same share of a core as a
/// label save waiting for it.
/// </summary>
internal static partial class LowPriorityThread
{
    // Linux nice value: 10 is what `nice` uses by default; a thread may always lower its own priority.
    private const int Niceness = 10;
    private const int ProcessPriority = 0;

    public static Task<T> RunAsync<T>(string name, Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Lower();
            try
            {
                done.TrySetResult(work());
            }
            catch (OperationCanceledException cancelled)
            {
                done.TrySetCanceled(cancelled.CancellationToken);
            }
            catch (Exception exception)
            {
                done.TrySetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = name,
            Priority = ThreadPriority.BelowNormal,
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>
    /// On Linux .NET leaves thread priorities alone, so the thread sets its own nice value; threads
    /// it starts (ML.NET's workers) inherit it.
    /// </summary>
    private static void Lower()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = SetPriority(ProcessPriority, GetThreadId(), Niceness);
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            // An old C library without gettid: the work runs at normal priority, only slower for requests.
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
