using System.Globalization;
using System.Text.RegularExpressions;

namespace PortalsApi.Emulator;

/// <summary>The emulator's fault rules (<see cref="PortalsEmulator.Faults"/>).</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(FaultHandle Handle, Regex? Pattern)> _rules = [];
    private int _nextId;

    internal FaultInjector()
    {
    }

    /// <summary>Adds a rule after the existing ones and returns its handle.</summary>
    /// <exception cref="ArgumentException">The rule is inconsistent (e.g. a <see cref="FaultKind.Status"/> without status).</exception>
    public FaultHandle Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Validate(rule);
        var pattern = rule.PathRegex is null ? null : new Regex(rule.PathRegex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        lock (_gate)
        {
            var handle = new FaultHandle((++_nextId).ToString(CultureInfo.InvariantCulture), rule, this);
            _rules.Add((handle, pattern));
            return handle;
        }
    }

    /// <summary>
    /// Every rule added since the last <see cref="Clear"/> and not <see cref="FaultHandle.Remove"/>d, in order, including
    /// rules that are used up (<see cref="FaultRule.Count"/>) or released (see <see cref="FaultHandle.IsActive"/>).
    /// </summary>
    public IReadOnlyList<FaultHandle> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules.Select(r => r.Handle)];
            }
        }
    }

    /// <summary>Finds a listed rule by id (control plane).</summary>
    public FaultHandle? Find(string id)
    {
        lock (_gate)
        {
            return _rules.Select(r => r.Handle).FirstOrDefault(h => h.Id == id);
        }
    }

    /// <summary>Removes every rule and releases every held request.</summary>
    public void Clear()
    {
        List<FaultHandle> handles;
        lock (_gate)
        {
            handles = [.. _rules.Select(r => r.Handle)];
            _rules.Clear();
        }

        foreach (var handle in handles)
        {
            handle.Release();
        }
    }

    internal void Remove(FaultHandle handle)
    {
        lock (_gate)
        {
            _rules.RemoveAll(r => ReferenceEquals(r.Handle, handle));
        }
    }

    /// <summary>The rule that fires on this request, if any (counting the request against every matching rule tried).</summary>
    internal FaultHandle? Match(string method, string path)
    {
        List<(FaultHandle Handle, Regex? Pattern)> rules;
        lock (_gate)
        {
            rules = [.. _rules];
        }

        foreach (var (handle, pattern) in rules)
        {
            var rule = handle.Rule;
            if (!handle.IsActive)
            {
                continue;
            }

            if (rule.Method is not null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (rule.PathPrefix is not null && !path.StartsWith(rule.PathPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (pattern is not null && !pattern.IsMatch(path))
            {
                continue;
            }

            if (handle.TryFire())
            {
                return handle;
            }
        }

        return null;
    }

    private static void Validate(FaultRule rule)
    {
        if (rule.Count is < 1)
        {
            throw new ArgumentException("Count must be at least 1 (or null for unlimited).", nameof(rule));
        }

        if (rule.EveryNth is < 1)
        {
            throw new ArgumentException("EveryNth must be at least 1 (or null for every request).", nameof(rule));
        }

        switch (rule.Kind)
        {
            case FaultKind.ServerError when rule.Status is { } s && s is < 500 or > 599:
                throw new ArgumentException("A ServerError status must be 5xx.", nameof(rule));
            case FaultKind.Status when rule.Status is not { } s || s is < 200 or > 599:
                throw new ArgumentException("A Status fault needs a Status between 200 and 599.", nameof(rule));
            case FaultKind.Delay when rule.Delay <= TimeSpan.Zero:
                throw new ArgumentException("A Delay fault needs a positive Delay.", nameof(rule));
            case FaultKind.RateLimit when rule.ResetSeconds < 0:
                throw new ArgumentException("ResetSeconds cannot be negative.", nameof(rule));
            default:
                break;
        }
    }
}
