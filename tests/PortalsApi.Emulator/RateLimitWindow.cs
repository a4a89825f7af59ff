namespace PortalsApi.Emulator;

/// <summary>The rate-limit state after counting one request.</summary>
internal readonly record struct RateLimitWindow(int Limit, int Current, int ResetSeconds, bool Exceeded)
{
    public int Remaining => Math.Max(0, Limit - Current);

    public string ExceededMessage =>
        $"You have exceeded your API rate limit. Please wait {ResetSeconds} seconds before making more requests.";
}
