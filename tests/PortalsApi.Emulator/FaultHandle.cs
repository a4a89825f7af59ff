namespace PortalsApi.Emulator;

/// <summary>A rule added to <see cref="FaultInjector"/>: counts its hits and releases hung requests.</summary>
public sealed class FaultHandle
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Hits, TaskCompletionSource Signal)> _waiters = [];
    private readonly FaultInjector _owner;
    private int _matched;
    private int _hits;

    internal FaultHandle(string id, FaultRule rule, FaultInjector owner)
    {
        Id = id;
        Rule = rule;
        _owner = owner;
    }

    /// <summary>Identifier (also used by the control plane).</summary>
    public string Id { get; }

    /// <summary>The rule.</summary>
    public FaultRule Rule { get; }

    /// <summary>How many requests the rule has fired on so far.</summary>
    public int Hits
    {
        get
        {
            lock (_gate)
            {
                return _hits;
            }
        }
    }

    /// <summary>Completes once the rule has fired on at least <paramref name="hits"/> requests (for a hang: the request is now held).</summary>
    public Task WaitForHitsAsync(int hits, CancellationToken cancellationToken)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_hits >= hits)
            {
                return Task.CompletedTask;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((hits, signal));
        }

        return signal.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Removes the rule and lets every request it holds (<see cref="FaultKind.Hang"/>) continue normally.</summary>
    public void Release()
    {
        _owner.Remove(this);
        _released.TrySetResult();
    }

    /// <summary>Removes the rule; requests already held stay held until <see cref="Release"/> or the client gives up.</summary>
    public void Remove() => _owner.Remove(this);

    internal Task Released => _released.Task;

    /// <summary>Counts a matching request and says whether the rule fires on it; <paramref name="exhausted"/> when it never will again.</summary>
    internal bool TryFire(out bool exhausted)
    {
        List<TaskCompletionSource> ready = [];
        bool fires;
        lock (_gate)
        {
            exhausted = false;
            if (Rule.Count is { } count && _hits >= count)
            {
                exhausted = true;
                return false;
            }

            _matched++;
            fires = Rule.EveryNth is not { } nth || nth <= 1 || _matched % nth == 0;
            if (fires)
            {
                _hits++;
                exhausted = Rule.Count is { } max && _hits >= max;
                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_waiters[i].Hits <= _hits)
                    {
                        ready.Add(_waiters[i].Signal);
                        _waiters.RemoveAt(i);
                    }
                }
            }
        }

        foreach (var signal in ready)
        {
            signal.TrySetResult();
        }

        return fires;
    }
}
