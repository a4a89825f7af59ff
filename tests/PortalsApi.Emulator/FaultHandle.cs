namespace PortalsApi.Emulator;

/// <summary>A rule added to <see cref="FaultInjector"/>: counts its hits and releases hung requests.</summary>
public sealed class FaultHandle
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _releasedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Hits, TaskCompletionSource Signal)> _waiters = [];
    private readonly FaultInjector _owner;
    private int _matched;
    private int _hits;
    private bool _released;

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

    /// <summary>False once the rule is used up (<see cref="FaultRule.Count"/> hits) or released; it then matches nothing.</summary>
    public bool IsActive
    {
        get
        {
            lock (_gate)
            {
                return !_released && !(Rule.Count is { } count && _hits >= count);
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

    /// <summary>
    /// Deactivates the rule (it stays listed with its hits) and lets every request it holds (<see cref="FaultKind.Hang"/>)
    /// continue normally; works on a used-up rule too.
    /// </summary>
    public void Release()
    {
        lock (_gate)
        {
            _released = true;
        }

        _releasedSignal.TrySetResult();
    }

    /// <summary>Releases the rule (see <see cref="Release"/>) and removes it from <see cref="FaultInjector.Rules"/>.</summary>
    public void Remove()
    {
        Release();
        _owner.Remove(this);
    }

    internal Task Released => _releasedSignal.Task;

    /// <summary>Counts a matching request and says whether the rule fires on it.</summary>
    internal bool TryFire()
    {
        List<TaskCompletionSource> ready = [];
        lock (_gate)
        {
            if (_released || (Rule.Count is { } count && _hits >= count))
            {
                return false;
            }

            _matched++;
            if (Rule.EveryNth is { } nth && nth > 1 && _matched % nth != 0)
            {
                return false;
            }

            _hits++;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Hits <= _hits)
                {
                    ready.Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var signal in ready)
        {
            signal.TrySetResult();
        }

        return true;
    }
}
