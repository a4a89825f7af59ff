using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PortalsProvider.Buildkite;

/// <summary>The Buildkite Portals REST client: paths, JSON, auth, retries, deadlines and typed errors. HTTP only.</summary>
/// <remarks>
/// One instance per configured organization/token. It owns one long-lived <see cref="HttpClient"/> (pooled
/// connections, safe for many concurrent operations); create it once and dispose it with the provider.
/// Every operation is one Polly pipeline run per HTTP exchange: an outer timeout bounded by the operation's
/// deadline, and an inner retry whose predicate (<see cref="RetryRules"/>) decides what is safe to repeat.
/// </remarks>
internal sealed class BuildkiteClient : IPortalsApi, IDisposable
{
    /// <summary>The API's maximum page size: fewer round trips, fewer rate-limit tokens.</summary>
    public const int PageSize = 100;

    private static readonly ResiliencePropertyKey<CallState> _callStateKey = new("PortalsProvider.Buildkite.Call");

    private readonly HttpClient _http;
    private readonly BuildkiteClientOptions _options;

    /// <summary>The token as sent (trimmed): what an echo in an error body would contain, so what is scrubbed.</summary>
    private readonly string _apiToken;
    private readonly TimeProvider _time;
    private readonly Func<double> _jitter;
    private readonly Action<RetryNotice>? _onRetry;
    private readonly ResiliencePipeline<ApiResponse> _pipeline;
    private readonly Uri _apiBase;
    private readonly string _portalsPath;

    private BuildkiteClient(
        BuildkiteClientOptions options, TimeProvider time, HttpMessageHandler primaryHandler, Func<double> jitter, Action<RetryNotice>? onRetry)
    {
        _options = options;
        _apiToken = options.ApiToken.Trim();
        _time = time;
        _jitter = jitter;
        _onRetry = onRetry;

        // A base URL with a path prefix (a proxy, the emulator) keeps that prefix: "http://h/x" + "v2/…".
        var baseText = options.ApiUrl.GetLeftPart(UriPartial.Path);
        _apiBase = new Uri(baseText.EndsWith('/') ? baseText : baseText + "/");
        _portalsPath = $"v2/organizations/{Uri.EscapeDataString(options.Organization.Trim())}/portals";

        // The operation deadline (not HttpClient.Timeout) bounds every exchange, on the injected clock.
        _http = new HttpClient(new BuildkiteAuthHandler(_apiToken, options.UserAgent, _apiBase, primaryHandler))
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _pipeline = BuildPipeline();
    }

    /// <summary>Creates a client for one organization.</summary>
    /// <param name="options">Validated here: <c>apiUrl</c> must be absolute <c>https://</c> (or <c>http://</c> on a
    /// loopback host), token and organization non-blank.</param>
    /// <param name="timeProvider">Clock for every wait and deadline; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="primaryHandler">Innermost handler (tests, proxies); the client owns and disposes it. By default a
    /// <see cref="SocketsHttpHandler"/> with pooled connections recycled every few minutes (DNS changes).</param>
    /// <param name="jitter">Source of values in [0, 1) that spread retry waits; <see cref="Random.Shared"/> by default.</param>
    /// <param name="onRetry">Told before every wait-and-retry (e.g. to log "rate limited; retrying in 7 s").</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and the fix.</exception>
    public static BuildkiteClient Create(
        BuildkiteClientOptions options,
        TimeProvider? timeProvider = null,
        HttpMessageHandler? primaryHandler = null,
        Func<double>? jitter = null,
        Action<RetryNotice>? onRetry = null)
    {
        Validate(options);
        return new BuildkiteClient(
            options,
            timeProvider ?? TimeProvider.System,
            primaryHandler ?? CreateDefaultHandler(),
            jitter ?? Random.Shared.NextDouble,
            onRetry);
    }

    public void Dispose() => _http.Dispose();

    public async Task<IReadOnlyList<PortalDto>> ListAsync(TimeSpan? timeout, CancellationToken ct)
    {
        // One deadline for every page: a list is one operation to the caller.
        var deadline = StartDeadline(timeout);
        var uri = new Uri(_apiBase, $"{_portalsPath}?per_page={PageSize}");
        var portals = new List<PortalDto>();
        var seenUuids = new HashSet<string>(StringComparer.Ordinal);
        var seenPages = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            if (!seenPages.Add(uri.AbsoluteUri))
            {
                throw new BuildkiteApiException(
                    ApiFailureKind.InvalidResponse, "GET", PathOf(uri), null, null, null, 0,
                    detail: "the Link rel=\"next\" header points back to a page already read");
            }

            var (response, state) = await SendAsync(HttpMethod.Get, uri, null, deadline, ct).ConfigureAwait(false);
            var page = Parse(response, state, BuildkiteJsonContext.Default.ListPortalDto);
            foreach (var portal in page)
            {
                // Offset pagination can repeat an item when portals are created mid-listing: keep the first.
                if (portal is not null && seenUuids.Add(CheckPortal(portal, response, state).Uuid))
                {
                    portals.Add(portal);
                }
            }

            var next = response.Headers.TryGetValues("Link", out var links) ? LinkHeader.FindTarget(links, "next", uri) : null;
            if (next is null)
            {
                return portals;
            }

            // The bearer token must only ever go to the configured API.
            if (!BuildkiteAuthHandler.IsSameOrigin(next, _apiBase))
            {
                throw new BuildkiteApiException(
                    ApiFailureKind.InvalidResponse, "GET", state.Path, response.StatusCode, null, null, state.Attempts,
                    detail: $"the Link rel=\"next\" header points to another host ({next.GetLeftPart(UriPartial.Authority)}); refusing to send the token there");
            }

            uri = next;
        }
    }

    public async Task<PortalDto> GetAsync(string slug, TimeSpan? timeout, CancellationToken ct)
    {
        var uri = PortalUri(slug);
        var (response, state) = await SendAsync(HttpMethod.Get, uri, null, StartDeadline(timeout), ct).ConfigureAwait(false);
        return CheckPortal(Parse(response, state, BuildkiteJsonContext.Default.PortalDto), response, state);
    }

    public async Task<PortalDto> CreateAsync(PortalCreateRequest request, TimeSpan? timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, BuildkiteJsonContext.Default.PortalCreateRequest);
        var uri = new Uri(_apiBase, _portalsPath);
        var (response, state) = await SendAsync(HttpMethod.Post, uri, body, StartDeadline(timeout), ct).ConfigureAwait(false);
        return CheckPortal(Parse(response, state, BuildkiteJsonContext.Default.PortalDto), response, state);
    }

    public async Task<PortalDto> UpdateAsync(string slug, PortalUpdateRequest request, TimeSpan? timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = PortalUri(slug);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, BuildkiteJsonContext.Default.PortalUpdateRequest);
        var state = NewCall(HttpMethod.Put, uri, body, StartDeadline(timeout));
        try
        {
            var response = await SendAsync(state, ct).ConfigureAwait(false);
            return CheckPortal(Parse(response, state, BuildkiteJsonContext.Default.PortalDto), response, state);
        }
        catch (BuildkiteApiException ex) when (ex.IsNotFound && state.EarlierAttemptMayHaveActed && !string.Equals(request.Slug, slug, StringComparison.Ordinal))
        {
            // A retried rename: the first attempt probably landed and moved the portal to its new slug, so the repeat
            // finds nothing at the old one. Confirm at the new slug; anything else keeps the honest 404.
            if (await FindLandedRenameAsync(request, state, ct).ConfigureAwait(false) is { } renamed)
            {
                return renamed;
            }

            throw;
        }
    }

    private async Task<PortalDto?> FindLandedRenameAsync(PortalUpdateRequest request, CallState state, CancellationToken ct)
    {
        var remaining = state.Deadline.Remaining;
        if (state.Deadline.IsExpired)
        {
            return null;
        }

        try
        {
            var portal = await GetAsync(request.Slug, remaining, ct).ConfigureAwait(false);
            var same = portal.Name == request.Name && portal.Query == request.Query && portal.Description == request.Description
                && portal.AllowedIpAddresses == request.AllowedIpAddresses && portal.UserInvokable == request.UserInvokable;
            return same ? portal : null;
        }
        catch (BuildkiteApiException)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string slug, TimeSpan? timeout, CancellationToken ct)
    {
        var uri = PortalUri(slug);
        var (response, state) = await SendAsync(HttpMethod.Delete, uri, null, StartDeadline(timeout), ct).ConfigureAwait(false);

        // The API answers 204 with no body. A success status carrying something other than JSON (a proxy's or captive
        // portal's HTML page) did not come from the API: taking it as "deleted" would drop a live portal from state.
        if (response.Content is { Length: > 0 } content && !IsJson(content))
        {
            throw Unreadable(response, state, content, null, "a DELETE answer should be 204 No Content, but this one has a body that is not JSON");
        }
    }

    private static bool IsJson(byte[] content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Validate(BuildkiteClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ApiToken))
        {
            throw InvalidOption("apiToken", "apiToken is empty; set the provider's apiToken (or BUILDKITE_API_TOKEN) to a Buildkite API access token.");
        }

        // Checked here because HttpClient would otherwise fail later with a message that may echo the header value.
        if (options.ApiToken.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw InvalidOption("apiToken", "apiToken contains whitespace or control characters; paste the token alone, without quotes or line breaks.");
        }

        var org = options.Organization?.Trim();
        if (string.IsNullOrEmpty(org) || org is "." or "..")
        {
            throw InvalidOption("organization", "organization is empty; set the provider's organization (or BUILDKITE_ORGANIZATION_SLUG) to the organization slug, e.g. \"acme-inc\".");
        }

        var url = options.ApiUrl;
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw InvalidOption("apiUrl", $"apiUrl '{url}' is not an absolute http(s) URL; use e.g. \"{BuildkiteClientOptions.DefaultApiUrl}\".");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            throw InvalidOption("apiUrl", "apiUrl must not contain credentials; remove the user-info part and set apiToken instead.");
        }

        if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
        {
            throw InvalidOption(
                "apiUrl",
                $"apiUrl '{url.GetLeftPart(UriPartial.Path)}' uses plain http:// for a non-loopback host, which would send the API token unencrypted; "
                + "use https://, or http:// only with localhost, 127.0.0.0/8 or [::1].");
        }

        if (options.MaxRetries < 0)
        {
            throw InvalidOption("maxRetries", $"maxRetries is {options.MaxRetries}; use 0 (no retries) or more (default {BuildkiteClientOptions.DefaultMaxRetries}).");
        }

        CheckTimeout(options.OperationTimeout, "OperationTimeout");

        if (string.IsNullOrWhiteSpace(options.UserAgent) || options.UserAgent.Any(char.IsControl))
        {
            throw InvalidOption("UserAgent", "UserAgent must be a non-blank single line.");
        }
    }

    /// <summary>Names the setting as the user spells it (the contract's config key), so the message says what to fix.</summary>
    private static ArgumentException InvalidOption(string setting, string message) => new(message, setting);

    private static void CheckTimeout(TimeSpan timeout, string paramName)
    {
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(paramName, timeout, "The timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }
    }

    private static bool IsLoopback(Uri url)
    {
        var host = url.IdnHost.TrimEnd('.');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    private static SocketsHttpHandler CreateDefaultHandler() => new()
    {
        // Long-lived client: recycle pooled connections so DNS changes of the API are picked up.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,

        // A black-holed address should become a retryable "could not connect" rather than eat the whole deadline.
        ConnectTimeout = TimeSpan.FromSeconds(30),

        // The API does not redirect; a redirect is surfaced as an error rather than followed with the token.
        AllowAutoRedirect = false,
    };

    private ResiliencePipeline<ApiResponse> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<ApiResponse> { TimeProvider = _time };

        // Outer: the operation deadline bounds the attempt in flight as well as the waits. The remaining budget is
        // read per call; a tiny floor because Polly treats a non-positive timeout as "none".
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args =>
            {
                var remaining = GetState(args.Context).Deadline.Remaining;
                return ValueTask.FromResult(
                    remaining == Timeout.InfiniteTimeSpan ? remaining
                    : remaining > TimeSpan.FromMilliseconds(1) ? remaining
                    : TimeSpan.FromMilliseconds(1));
            },
        });

        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<ApiResponse>
            {
                MaxRetryAttempts = _options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber)),

                // The wait was chosen by ShouldRetry (it had to be known to check the deadline); Polly only waits it.
                DelayGenerator = args => ValueTask.FromResult(GetState(args.Context).NextDelay),
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                Delay = TimeSpan.Zero,
                OnRetry = args =>
                {
                    var state = GetState(args.Context);
                    _onRetry?.Invoke(new RetryNotice(
                        state.Method.Method, state.Path, args.AttemptNumber + 1, args.RetryDelay,
                        args.Outcome.Result?.StatusCode, state.NextReason ?? "transient failure"));
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private static CallState GetState(ResilienceContext context) =>
        context.Properties.TryGetValue(_callStateKey, out var state) ? state : throw new InvalidOperationException("No call state in the resilience context.");

    private bool ShouldRetry(Outcome<ApiResponse> outcome, ResilienceContext context, int attempt)
    {
        var state = GetState(context);
        state.NextDelay = null;
        if (RetryRules.Propose(outcome, state.IsIdempotent, attempt, _time.GetUtcNow(), _jitter) is not { } proposal
            || attempt >= _options.MaxRetries)
        {
            return false;
        }

        if (context.CancellationToken.IsCancellationRequested)
        {
            // The caller cancelled while a retryable failure was being judged: the call ends cancelled, as it would
            // have a moment later in the wait, not with the transient failure the retry was for.
            state.StoppedByCancellation = true;
            return false;
        }

        if (state.Deadline.WouldOverrun(proposal.Delay))
        {
            // Fail now rather than sleep into the deadline: the caller learns sooner, and nothing is gained by waiting.
            state.StoppedByDeadline = true;
            state.StoppedOnRateLimit = outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests;
            return false;
        }

        state.NextDelay = proposal.Delay;
        state.NextReason = proposal.Reason;
        state.EarlierAttemptMayHaveActed |= outcome.Exception is { } ex
            ? RetryRules.ClassifyException(ex)?.Kind is ApiFailureKind.TransportAfterSend or ApiFailureKind.InvalidResponse
            : (int)outcome.Result!.StatusCode >= 500 || outcome.Result.StatusCode == HttpStatusCode.RequestTimeout;
        return true;
    }

    private OperationDeadline StartDeadline(TimeSpan? timeout)
    {
        var budget = timeout ?? _options.OperationTimeout;
        CheckTimeout(budget, nameof(timeout));
        return OperationDeadline.Start(_time, budget);
    }

    private Uri PortalUri(string slug)
    {
        // "." and ".." would be collapsed by URI normalisation: DELETE …/portals/.. must never reach the organization.
        if (string.IsNullOrWhiteSpace(slug) || slug is "." or "..")
        {
            throw new ArgumentException($"'{slug}' is not a portal slug.", nameof(slug));
        }

        return new Uri(_apiBase, $"{_portalsPath}/{Uri.EscapeDataString(slug)}");
    }

    private static string PathOf(Uri uri) => uri.PathAndQuery;

    private static CallState NewCall(HttpMethod method, Uri uri, byte[]? body, OperationDeadline deadline) =>
        new(method, uri, PathOf(uri), body, deadline);

    private async Task<(ApiResponse Response, CallState State)> SendAsync(
        HttpMethod method, Uri uri, byte[]? body, OperationDeadline deadline, CancellationToken ct)
    {
        var state = NewCall(method, uri, body, deadline);
        return (await SendAsync(state, ct).ConfigureAwait(false), state);
    }

    /// <summary>Runs one HTTP exchange (all attempts) and turns every failure into <see cref="BuildkiteApiException"/>.</summary>
    private async Task<ApiResponse> SendAsync(CallState state, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (state.Deadline.IsExpired)
        {
            throw Failure(ApiFailureKind.Timeout, state, null);
        }

        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(_callStateKey, state);
        ApiResponse response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static (ctx, self) => self.AttemptAsync(ctx), context, this).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (state.StoppedByCancellation)
        {
            throw new OperationCanceledException("The operation was cancelled before a retry.", ex, ct);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Failure(ApiFailureKind.Timeout, state, ex);
        }
        catch (Exception ex) when (RetryRules.ClassifyException(ex) is { } classified)
        {
            throw Failure(state.StoppedByDeadline ? ApiFailureKind.Timeout : classified.Kind, state, ex);
        }
        catch (OperationCanceledException ex)
        {
            // Cancelled, but neither by the caller nor by the deadline: an inner handler gave up (e.g. a connect timeout).
            throw Failure(ApiFailureKind.TransportAfterSend, state, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsSuccess)
        {
            return response;
        }

        if (state.StoppedByCancellation)
        {
            throw new OperationCanceledException("The operation was cancelled before a retry.", ct);
        }

        throw Failure(state.StoppedByDeadline ? ApiFailureKind.Timeout : ApiFailureKind.HttpStatus, state, null);
    }

    /// <summary>One attempt: a fresh request (content can't be re-sent), the whole body of a success read here.</summary>
    private async ValueTask<ApiResponse> AttemptAsync(ResilienceContext context)
    {
        var state = GetState(context);
        var ct = context.CancellationToken;
        state.Attempts++;
        using var request = new HttpRequestMessage(state.Method, state.Uri);
        if (state.Body is not null)
        {
            request.Content = new ByteArrayContent(state.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            try
            {
                var content = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                return new ApiResponse(response.StatusCode, response.Headers, content, null);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && !ct.IsCancellationRequested)
            {
                state.LastStatus = response.StatusCode;
                throw new ResponseBodyException(response.StatusCode, ex);
            }
        }

        var errorBody = await ReadCappedAsync(response.Content, ct).ConfigureAwait(false);
        state.LastStatus = response.StatusCode;
        state.LastErrorBody = errorBody;
        return new ApiResponse(response.StatusCode, response.Headers, null, errorBody);
    }

    /// <summary>At most <see cref="BuildkiteApiException.MaxBodyChars"/> characters: an HTML error page or a
    /// runaway body is never read whole. A body that breaks off yields what arrived.</summary>
    private static async Task<string?> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        var buffer = new byte[BuildkiteApiException.MaxBodyChars];
        var read = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int n;
                while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), ct).ConfigureAwait(false)) > 0)
                {
                    read += n;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            // Keep whatever arrived: the status is what matters.
        }

        if (read == 0)
        {
            return null;
        }

        // Drop a multi-byte character cut in half by the cap instead of showing a replacement character.
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[read];
        var count = decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
        return new string(chars, 0, count);
    }

    private T Parse<T>(ApiResponse response, CallState state, JsonTypeInfo<T> typeInfo)
    {
        var content = response.Content ?? [];
        try
        {
            if (JsonSerializer.Deserialize(content, typeInfo) is { } value)
            {
                return value;
            }
        }
        catch (JsonException ex)
        {
            throw Unreadable(response, state, content, ex);
        }

        throw Unreadable(response, state, content, null);
    }

    private PortalDto CheckPortal(PortalDto portal, ApiResponse response, CallState state)
    {
        // Non-nullable by contract; a response without them would corrupt state further up.
        if (string.IsNullOrEmpty(portal.Uuid) || string.IsNullOrEmpty(portal.Slug) || portal.Name is null || portal.Query is null)
        {
            throw Unreadable(response, state, response.Content ?? [], null, "the portal lacks uuid, slug, name or query");
        }

        return portal;
    }

    private BuildkiteApiException Unreadable(ApiResponse response, CallState state, byte[] content, Exception? inner, string? problem = null)
    {
        var length = Math.Min(content.Length, BuildkiteApiException.MaxBodyChars);
        var body = content.Length == 0 ? "(empty body)" : Encoding.UTF8.GetString(content, 0, length);
        return new BuildkiteApiException(
            ApiFailureKind.InvalidResponse, state.Method.Method, state.Path, response.StatusCode,
            null, SecretScrubber.Scrub(body, _apiToken), state.Attempts, ScrubbedInner(inner), problem ?? "the body is not the expected JSON");
    }

    private BuildkiteApiException Failure(ApiFailureKind kind, CallState state, Exception? inner)
    {
        // A transport failure of the last attempt has no status of its own; a timeout still tells what the API last said.
        var hasAnswer = kind is ApiFailureKind.HttpStatus or ApiFailureKind.Timeout;
        var status = inner is ResponseBodyException rb ? rb.StatusCode : hasAnswer ? state.LastStatus : null;
        var body = hasAnswer ? SecretScrubber.Scrub(state.LastErrorBody, _apiToken) : null;
        var apiMessage = SecretScrubber.Scrub(ApiMessageOf(body), _apiToken);
        string? detail = null;
        if (kind == ApiFailureKind.Timeout)
        {
            var budget = state.Deadline.IsInfinite ? "the operation timeout" : $"the {Describe(state.Deadline.Budget)} operation timeout";
            detail = (state.StoppedByDeadline ? "the next retry would have waited past " : "the call ran past ") + budget
                + (status is { } s ? $" (last answer: HTTP {(int)s})" : string.Empty);
        }

        return new BuildkiteApiException(
            kind, state.Method.Method, state.Path, status, apiMessage, body, Math.Max(state.Attempts, 1), ScrubbedInner(inner), detail)
        {
            // A deadline reached while waiting out a 429 (a rate-limit storm): no attempt was carried out, so a POST
            // needs no "was it created?" lookup, which the same storm would only fail again.
            ProvablyNotActed = kind == ApiFailureKind.Timeout && state.StoppedOnRateLimit && !state.EarlierAttemptMayHaveActed,
        };
    }

    /// <summary>Inner exceptions come from the HTTP stack and never see the token, but are re-checked: an exception
    /// message is shown to users and written to logs.</summary>
    private Exception? ScrubbedInner(Exception? inner) =>
        inner is not null && inner.ToString().Contains(_apiToken, StringComparison.Ordinal)
            ? new HttpRequestException(SecretScrubber.Scrub(inner.Message, _apiToken))
            : inner;

    private static string? ApiMessageOf(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, BuildkiteJsonContext.Default.ApiErrorBody)?.Message is { Length: > 0 } message ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(TimeSpan span) => span.TotalSeconds < 120 ? $"{span.TotalSeconds:0.#} s" : $"{span.TotalMinutes:0.#} min";
}
