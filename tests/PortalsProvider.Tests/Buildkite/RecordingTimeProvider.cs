using Microsoft.Extensions.Time.Testing;

namespace PortalsProvider.Tests.Buildkite;

/// <summary>A <see cref="FakeTimeProvider"/> that records every timer it creates or re-arms, so a test can wait until the
/// client is really waiting (its retry timer exists) before advancing time: advancing earlier would start the
/// wait late and make the test depend on thread scheduling.</summary>
internal sealed class RecordingTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private int _consumed;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new RecordingTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Record(dueTime);
        return timer;
    }

    private void Record(TimeSpan dueTime)
    {
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
        }
    }

    /// <summary>Waits (polling, bounded by a real-time deadline) for the next not yet consumed timer whose due time
    /// is below <paramref name="below"/> (retry waits are short; the operation-deadline timer is long), and returns
    /// its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync(TimeSpan below)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            lock (_gate)
            {
                for (var i = _consumed; i < _dueTimes.Count; i++)
                {
                    if (_dueTimes[i] > TimeSpan.Zero && _dueTimes[i] < below)
                    {
                        _consumed = i + 1;
                        return _dueTimes[i];
                    }
                }
            }

            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"no timer shorter than {below} was created; timers: {string.Join(", ", _dueTimes)}");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Records re-arming too: a <see cref="CancellationTokenSource"/> bound to a time provider creates its
    /// timer disarmed and arms it later through <see cref="ITimer.Change"/>.</summary>
    private sealed class RecordingTimer(ITimer inner, RecordingTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Record(dueTime);
            return inner.Change(dueTime, period);
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
