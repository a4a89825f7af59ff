namespace PortalsApi.Emulator;

/// <summary>
/// Fixed 60-second windows per organization, like Buildkite's REST limit: a window opens with the first request after
/// the previous one ended; every request (rejected ones too) counts towards <c>current</c>.
/// </summary>
internal sealed class RateLimiter(int? limit, TimeProvider time, int reported = RateLimiter.DocumentedDefault)
{
    /// <summary>Buildkite's documented default REST limit, reported when the emulator enforces none.</summary>
    public const int DocumentedDefault = 200;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);

    public RateLimitWindow Hit(string key)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue(key, out var window) || now >= window.Start + Window)
            {
                window = (now, 0);
            }

            window.Count++;
            _windows[key] = window;
            var reset = (int)Math.Ceiling((window.Start + Window - now).TotalSeconds);
            var max = limit ?? reported;
            return new RateLimitWindow(max, window.Count, Math.Max(1, reset), limit is not null && window.Count > max);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _windows.Clear();
        }
    }
}
