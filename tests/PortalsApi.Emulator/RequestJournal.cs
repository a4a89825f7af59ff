namespace PortalsApi.Emulator;

/// <summary>
/// Every REST request the emulator received (<see cref="PortalsEmulator.Journal"/>), in the order they were answered
/// (<see cref="JournalEntry.Sequence"/> gives arrival order; they differ only for delayed or held requests).
/// </summary>
public sealed class RequestJournal
{
    private readonly Lock _gate = new();
    private readonly List<JournalEntry> _entries = [];
    private readonly List<(Func<JournalEntry, bool> Predicate, TaskCompletionSource<JournalEntry> Signal)> _waiters = [];
    private long _sequence;

    internal RequestJournal()
    {
    }

    /// <summary>A snapshot of the entries. An entry is added before its response is sent, so it is visible once the client has the answer.</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Forgets every entry (sequence numbers keep counting).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>Completes with the first entry (already recorded or future) matching <paramref name="predicate"/>.</summary>
    public Task<JournalEntry> WaitForAsync(Func<JournalEntry, bool> predicate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var signal = new TaskCompletionSource<JournalEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = _entries.FirstOrDefault(predicate);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            _waiters.Add((predicate, signal));
        }

        return signal.Task.WaitAsync(cancellationToken);
    }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(JournalEntry entry)
    {
        List<TaskCompletionSource<JournalEntry>> ready = [];
        lock (_gate)
        {
            _entries.Add(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Predicate(entry))
                {
                    ready.Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var signal in ready)
        {
            signal.TrySetResult(entry);
        }
    }
}
