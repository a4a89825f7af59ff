using System.Net;
using System.Text;

namespace PortalsProvider.Tests.Buildkite;

/// <summary>Answers every request with one canned JSON body and records the request URIs.</summary>
internal sealed class RecordingHandler(string json) : HttpMessageHandler
{
    public List<Uri> Uris { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Uris)
        {
            Uris.Add(request.RequestUri!);
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        });
    }
}
