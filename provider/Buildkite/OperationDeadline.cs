namespace PortalsProvider.Buildkite;

/// <summary>The end of one operation's time budget, on the injected clock's monotonic timestamps.</summary>
internal readonly record struct OperationDeadline(TimeProvider Time, long StartTimestamp, TimeSpan Budget)
{
    public static OperationDeadline Start(TimeProvider time, TimeSpan budget) => new(time, time.GetTimestamp(), budget);

    public bool IsInfinite => Budget == Timeout.InfiniteTimeSpan;

    /// <summary>Time left (<see cref="Timeout.InfiniteTimeSpan"/> for an unbounded operation; may be negative).</summary>
    public TimeSpan Remaining => IsInfinite ? Timeout.InfiniteTimeSpan : Budget - Time.GetElapsedTime(StartTimestamp);

    public bool IsExpired => !IsInfinite && Remaining <= TimeSpan.Zero;

    /// <summary>True when waiting <paramref name="delay"/> would end at or after the deadline.</summary>
    public bool WouldOverrun(TimeSpan delay) => !IsInfinite && delay >= Remaining;
}
