using System.Diagnostics;

namespace DogBreeds.Cli.Console;

/// <summary>
/// A progress bar on standard error. When standard error is not a terminal (CI, pipes, files) it
/// prints a plain line every tenth of the way instead, so logs stay readable.
/// </summary>
internal sealed class ProgressBar : IDisposable
{
    private const int BarWidth = 30;
    private static readonly TimeSpan s_redrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _writer;
    private readonly string _label;
    private readonly long _total;
    private readonly bool _interactive;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private long _done;
    private long _lastDecile = -1;
    private TimeSpan _lastDraw = TimeSpan.MinValue;

    public ProgressBar(string label, long total, TextWriter? writer = null, bool? interactive = null)
    {
        _label = label;
        _total = Math.Max(total, 1);
        _writer = writer ?? System.Console.Error;
        _interactive = interactive ?? !System.Console.IsErrorRedirected;
    }

    public void Advance(long count = 1)
    {
        lock (_gate)
        {
            _done += count;
            Draw(force: _done >= _total);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_interactive)
            {
                Draw(force: true);
                _writer.WriteLine();
            }
            else if (_lastDecile < 10)
            {
                WritePlainLine();
            }
        }
    }

    private void Draw(bool force)
    {
        if (!_interactive)
        {
            var decile = _done * 10 / _total;
            if (decile > _lastDecile)
            {
                _lastDecile = decile;
                WritePlainLine();
            }

            return;
        }

        var now = _clock.Elapsed;
        if (!force && now - _lastDraw < s_redrawInterval)
        {
            return;
        }

        _lastDraw = now;
        var fraction = Math.Min(1.0, (double)_done / _total);
        var filled = (int)(fraction * BarWidth);
        var rate = _done / Math.Max(now.TotalSeconds, 1e-9);
        _writer.Write($"\r{_label} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {_done}/{_total} {rate:F1}/s ");
    }

    private void WritePlainLine()
    {
        var rate = _done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);
        _writer.WriteLine($"{_label}: {_done}/{_total} ({rate:F1}/s)");
    }
}
