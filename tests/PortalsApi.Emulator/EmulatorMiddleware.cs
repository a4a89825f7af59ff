using System.Globalization;
using System.Text;

namespace PortalsApi.Emulator;

/// <summary>
/// Wraps every REST request: journals it, applies fault rules, counts it against the rate limit and adds the
/// <c>RateLimit-*</c> headers. The API's answer is buffered so a fault can act on it after the operation was applied,
/// and so the journal entry exists before the client sees the response.
/// </summary>
internal sealed class EmulatorMiddleware(
    FaultInjector faults,
    RequestJournal journal,
    RateLimiter limiter,
    RateLimiter? userLimiter,
    int? enforcedLimit,
    TimeProvider time,
    CancellationToken stopping)
{
    public const string BodyItem = "PortalsApi.Emulator.RequestBody";
    public const string ControlPlanePrefix = "/__emulator";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments(ControlPlanePrefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var arrived = time.GetUtcNow();
        var sequence = journal.NextSequence();
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var body = string.Empty;
        FaultHandle? handle = null;

        JournalEntry Entry(int status, bool aborted) => new()
        {
            Sequence = sequence,
            Timestamp = arrived,
            Method = request.Method,
            Path = path,
            Query = request.QueryString.Value ?? string.Empty,
            Headers = headers,
            Body = body,
            Status = status,
            Fault = handle?.Rule.Kind,
            Aborted = aborted,
        };

        try
        {
            using (var reader = new StreamReader(request.Body, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(context.RequestAborted);
            }

            context.Items[BodyItem] = body;
            handle = faults.Match(request.Method, path);
            var rule = handle?.Rule;
            if (rule?.Kind == FaultKind.Delay)
            {
                // Real wall-clock time by design: it exercises the client's own timeouts.
                await Task.Delay(rule.Delay, context.RequestAborted);
            }
            else if (rule?.Kind == FaultKind.Hang)
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
                await handle!.Released.WaitAsync(linked.Token);
            }

            if (rule is not null && AnswersBeforeActing(rule))
            {
                if (rule.Kind == FaultKind.AbortBeforeActing)
                {
                    journal.Add(Entry(0, aborted: true));
                    context.Abort();
                    return;
                }

                var canned = CannedResponse.For(rule, enforcedLimit ?? RateLimiter.DocumentedDefault);
                journal.Add(Entry(canned.Status, aborted: false));
                await WriteCannedAsync(context, canned);
                return;
            }

            var (status, bytes) = await ServeBufferedAsync(context, path, next);
            switch (rule?.Kind)
            {
                case FaultKind.AbortAfterActing:
                    journal.Add(Entry(status, aborted: true));
                    context.Abort();
                    return;
                case FaultKind.TruncatedJson:
                    bytes = bytes[..(bytes.Length / 2)];
                    break;
                case FaultKind.ServerError or FaultKind.Status or FaultKind.NonJson:
                    var canned = CannedResponse.For(rule, enforcedLimit ?? RateLimiter.DocumentedDefault);
                    journal.Add(Entry(canned.Status, aborted: false));
                    context.Response.Headers.Clear();
                    await WriteCannedAsync(context, canned);
                    return;
                default:
                    break;
            }

            journal.Add(Entry(status, aborted: false));
            if (status is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified)
            {
                // Kestrel rejects any write, even an empty one, to a bodiless response and then drops the connection.
                return;
            }

            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            journal.Add(Entry(0, aborted: true));
            context.Abort();
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            // An emulator bug: Kestrel answers 500; the journal still shows the request.
            journal.Add(Entry(500, aborted: false));
            throw;
        }
    }

    private static bool AnswersBeforeActing(FaultRule rule) => rule.Kind switch
    {
        FaultKind.RateLimit or FaultKind.AbortBeforeActing => true,
        FaultKind.ServerError or FaultKind.Status or FaultKind.NonJson => !rule.AfterActing,
        _ => false,
    };

    private static async Task WriteCannedAsync(HttpContext context, CannedResponse canned)
    {
        var response = context.Response;
        response.StatusCode = canned.Status;
        response.ContentType = canned.ContentType;
        foreach (var (name, value) in canned.Headers)
        {
            response.Headers[name] = value;
        }

        var bytes = Encoding.UTF8.GetBytes(canned.Body);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static void SetRateLimitHeaders(HttpResponse response, string prefix, RateLimitWindow window, string scope)
    {
        response.Headers[prefix + "Remaining"] = window.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers[prefix + "Limit"] = window.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers[prefix + "Reset"] = window.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers[prefix + "Scope"] = scope;
    }

    /// <summary>The organization slug of a <c>/v2/organizations/{org}/…</c> path: each organization has its own window.</summary>
    private static string RateLimitKey(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 && segments[0] == "v2" && segments[1] == "organizations" ? segments[2] : string.Empty;
    }

    private async Task<(int Status, byte[] Body)> ServeBufferedAsync(HttpContext context, string path, RequestDelegate next)
    {
        var window = limiter.Hit(RateLimitKey(path));
        var response = context.Response;
        SetRateLimitHeaders(response, "RateLimit-", window, "rest");
        var user = userLimiter?.Hit(context.Request.Headers.Authorization.ToString());
        if (user is { } userWindow)
        {
            SetRateLimitHeaders(response, "RateLimit-User-", userWindow, "rest_user");
        }

        // The organization window is checked first, like the documented body's single "scope".
        CannedResponse? canned = window.Exceeded ? CannedResponse.RateLimitExceeded(window, "rest")
            : user is { Exceeded: true } userOver ? CannedResponse.RateLimitExceeded(userOver, "rest_user")
            : null;
        if (canned is not null)
        {
            response.StatusCode = canned.Status;
            response.ContentType = canned.ContentType;
            return (canned.Status, Encoding.UTF8.GetBytes(canned.Body));
        }

        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
            await response.BodyWriter.FlushAsync(context.RequestAborted);
        }
        finally
        {
            response.Body = original;
        }

        return (response.StatusCode, buffer.ToArray());
    }
}
