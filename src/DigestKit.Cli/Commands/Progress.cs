namespace DigestKit.Cli.Commands;

/// <summary>
/// "Checked N of M files" on the standard error, rewritten in place, for a run that takes over a second, and only
/// when the standard error is a terminal: never in a log, a pipe or a CI capture, and never with --quiet. The
/// line is erased when the run ends, so the report that follows starts clean.
/// </summary>
internal sealed class Progress : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly int _total;
    private readonly TextWriter _stderr;
    private readonly Timer _timer;
    private readonly object _gate = new();
    private int _done;
    private bool _shown;
    private bool _disposed;

    private Progress(int total, TextWriter stderr)
    {
        _total = total;
        _stderr = stderr;
        _timer = new Timer(_ => Show(), null, Delay, Interval);
    }

    /// <summary>A progress line when it can help; null otherwise.</summary>
    public static Progress? Start(int total, bool quiet, TextWriter stderr)
    {
        if (quiet || Console.IsErrorRedirected || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal))
        {
            return null;
        }

        return new Progress(total, stderr);
    }

    public void Advance() => Interlocked.Increment(ref _done);

    private void Show()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _shown = true;
            _stderr.Write(FormattableString.Invariant($"\rdigestkit: checked {Volatile.Read(ref _done)} of {_total} files\u001b[K"));
            _stderr.Flush();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            _disposed = true;
            if (_shown)
            {
                _stderr.Write("\r\u001b[K");
                _stderr.Flush();
            }
        }
    }
}
