using System.Net;

namespace PortalsProvider.Tests.Buildkite;

/// <summary>Answers 429 (<c>RateLimit-Reset: 7</c>) and cancels <paramref name="caller"/> the moment the client has
/// read the whole body: the caller's cancellation lands while the client decides whether to retry.</summary>
internal sealed class CancellingRateLimitHandler(CancellationTokenSource caller) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = new CancelAtEndStream("""{"message":"You have exceeded your API rate limit."}"""u8.ToArray(), caller);
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StreamContent(body), RequestMessage = request };
        response.Headers.Add("RateLimit-Reset", "7");
        return Task.FromResult(response);
    }

    private sealed class CancelAtEndStream(byte[] content, CancellationTokenSource caller) : MemoryStream(content)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await base.ReadAsync(buffer, cancellationToken);
            if (n == 0)
            {
                await caller.CancelAsync();
            }

            return n;
        }
    }
}
