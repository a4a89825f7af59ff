using System.Net;

namespace PortalsProvider.Buildkite;

/// <summary>Told to the client's owner before each wait-and-retry, so the user can see why an operation is slow
/// ("rate limited; retrying in 42 s") instead of a silent stall.</summary>
/// <param name="Method">HTTP method of the operation.</param>
/// <param name="Path">Request path (no host, no token).</param>
/// <param name="Attempt">The attempt that just failed, 1-based.</param>
/// <param name="Delay">How long the client waits before the next attempt.</param>
/// <param name="StatusCode">The failed attempt's status, or null for a transport fault.</param>
/// <param name="Reason">Short human-readable cause, e.g. <c>rate limited (HTTP 429)</c>.</param>
internal sealed record RetryNotice(string Method, string Path, int Attempt, TimeSpan Delay, HttpStatusCode? StatusCode, string Reason);
