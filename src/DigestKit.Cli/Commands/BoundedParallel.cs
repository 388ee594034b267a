using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace DigestKit.Cli.Commands;

/// <summary>
/// Runs one item of work per file on a few threads, each item under its own time bound (the engine's
/// <c>digestkit.analysis_timeout_seconds</c>), without a hand-off per item: an item runs on the thread that picked it,
/// and one watchdog (the calling thread) looks at the items in flight. An item past its bound is given up: its result
/// becomes <c>timedOut(i)</c>, the thread that runs it is abandoned (the engine cannot be interrupted; the thread is a
/// background thread, so it never keeps the process alive) and a fresh thread takes its place, so one hung file costs
/// neither the run nor the other files' parallelism. Whichever comes first, the result or the bound, is kept.
/// </summary>
/// <remarks>
/// A <see cref="Task"/> per file with a timed <see cref="Task.Wait(int)"/> gives the same bound, but moves every file
/// to a second thread (a timed wait never runs its task inline) and blocks the first: on 3,000 posts that costs a
/// fifth of the run on 2 cores.
/// </remarks>
internal static class BoundedParallel
{
    private const int Pending = 0, Done = 1, GivenUp = 2;

    /// <param name="body">Item i's work. It starts its own clock, with the bound it is under (zero or less, or
    /// infinite: none), when the part to be bound begins (after a file is read, say); until then it is not bound.</param>
    public static T[] Run<T>(int count, int degree, Func<int, Action<TimeSpan>, T> body, Func<int, T> timedOut)
    {
        var run = new State<T>(count, body);
        if (count == 0)
        {
            return run.Results;
        }

        for (var i = 0; i < Math.Clamp(degree, 1, count); i++)
        {
            run.StartWorker();
        }

        while (!run.Finished.Wait(run.NextCheck()))
        {
            foreach (var (worker, item) in run.Overdue())
            {
                if (Interlocked.CompareExchange(ref run.States[item], GivenUp, Pending) == Pending)
                {
                    run.Results[item] = timedOut(item);
                    run.Complete();
                    if (!worker.Abandoned)
                    {
                        // A thread abandoned earlier may still have picked one more item (it looks before it picks):
                        // that item is bound like any other, and its thread was already replaced.
                        worker.Abandoned = true;
                        run.StartWorker();
                    }
                }
            }
        }

        run.Failure?.Throw();
        return run.Results;
    }

    private sealed class Worker
    {
        /// <summary>The item in flight (-1: none) and the timestamp past which it is given up (long.MaxValue: never).</summary>
        public volatile int Item = -1;

        public long Deadline = long.MaxValue;
        public volatile bool Abandoned;

        public void StartClock(TimeSpan limit) =>
            Volatile.Write(ref Deadline, limit <= TimeSpan.Zero || limit == Timeout.InfiniteTimeSpan
                ? long.MaxValue
                : Stopwatch.GetTimestamp() + (long)Math.Min(long.MaxValue / 4, limit.TotalSeconds * Stopwatch.Frequency));
    }

    private sealed class State<T>(int count, Func<int, Action<TimeSpan>, T> body)
    {
        public readonly T[] Results = new T[count];
        public readonly int[] States = new int[count];
        public readonly ManualResetEventSlim Finished = new(count == 0);
        public ExceptionDispatchInfo? Failure;
        private readonly List<Worker> _workers = [];
        private int _next = -1;
        private int _completed;

        public void StartWorker()
        {
            var worker = new Worker();
            lock (_workers)
            {
                _workers.RemoveAll(w => w.Abandoned && w.Item < 0);
                _workers.Add(worker);
            }

            new Thread(() => Work(worker)) { IsBackground = true, Name = "digestkit check" }.Start();
        }

        private void Work(Worker worker)
        {
            int i;
            while (!worker.Abandoned && (i = Interlocked.Increment(ref _next)) < count)
            {
                Volatile.Write(ref worker.Deadline, long.MaxValue);
                worker.Item = i;
                T result;
                try
                {
                    result = body(i, worker.StartClock);
                }
                catch (Exception ex)
                {
                    // What Parallel.For would rethrow; the other items still run so the watchdog's count completes.
                    Interlocked.CompareExchange(ref Failure, ExceptionDispatchInfo.Capture(ex), null);
                    result = default!;
                }

                worker.Item = -1;
                if (Interlocked.CompareExchange(ref States[i], Done, Pending) == Pending)
                {
                    Results[i] = result;
                    Complete();
                }
            }
        }

        public void Complete()
        {
            if (Interlocked.Increment(ref _completed) == count)
            {
                Finished.Set();
            }
        }

        /// <summary>How long the watchdog may sleep: until the nearest deadline in flight, at most a second.</summary>
        public TimeSpan NextCheck()
        {
            var nearest = long.MaxValue;
            lock (_workers)
            {
                foreach (var worker in _workers)
                {
                    if (worker.Item is var item and >= 0 && Volatile.Read(ref States[item]) == Pending)
                    {
                        nearest = Math.Min(nearest, Volatile.Read(ref worker.Deadline));
                    }
                }
            }

            var wait = nearest == long.MaxValue ? 1.0 : (nearest - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency;
            return TimeSpan.FromSeconds(Math.Clamp(wait, 0.001, 1.0));
        }

        /// <summary>The items in flight past their deadline, with the thread that runs each.</summary>
        public List<(Worker Worker, int Item)> Overdue()
        {
            var now = Stopwatch.GetTimestamp();
            var overdue = new List<(Worker, int)>();
            lock (_workers)
            {
                foreach (var worker in _workers)
                {
                    if (worker.Item is var item and >= 0 && Volatile.Read(ref States[item]) == Pending && Volatile.Read(ref worker.Deadline) <= now)
                    {
                        overdue.Add((worker, item));
                    }
                }
            }

            return overdue;
        }
    }
}
