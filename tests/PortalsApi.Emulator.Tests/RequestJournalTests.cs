using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace PortalsApi.Emulator.Tests;

public sealed class RequestJournalTests : EmulatorTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero));

    protected override EmulatorOptions CreateOptions() => new() { Token = "t", Organization = "acme", TimeProvider = _time };

    [Fact]
    public async Task Request_IsRecordedWithEverything()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PortalsPath + "?x=1") { Content = Json("""{"name":"a","query":"q"}""") };
        request.Headers.UserAgent.ParseAdd("pulumi-resource-buildkite-portals/0.1.0");
        using var response = await Http.SendAsync(request, Ct);

        var entry = Assert.Single(Emulator.Journal.Entries);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal("POST", entry.Method);
        Assert.Equal(PortalsPath, entry.Path);
        Assert.Equal("?x=1", entry.Query);
        Assert.Equal(PortalsPath + "?x=1", entry.PathAndQuery);
        Assert.Equal("""{"name":"a","query":"q"}""", entry.Body);
        Assert.Equal(201, entry.Status);
        Assert.Null(entry.Fault);
        Assert.False(entry.Aborted);
        Assert.Equal(_time.GetUtcNow(), entry.Timestamp);
        Assert.Equal("pulumi-resource-buildkite-portals/0.1.0", entry.Header("user-agent"));
        Assert.Equal("Bearer t", entry.Header("Authorization"));
        Assert.Equal("t", entry.BearerToken);
        Assert.Equal("[redacted]", entry.RedactedHeaders()["authorization"]);
    }

    [Fact]
    public async Task FaultedRequests_AreRecordedAndFlagged()
    {
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Status = 503, Count = 1 });

        using var faulted = await Http.GetAsync(PortalsPath, Ct);
        using var normal = await Http.GetAsync(PortalsPath, Ct);

        Assert.Collection(
            Emulator.Journal.Entries,
            e =>
            {
                Assert.Equal(503, e.Status);
                Assert.Equal(FaultKind.ServerError, e.Fault);
            },
            e =>
            {
                Assert.Equal(200, e.Status);
                Assert.Null(e.Fault);
            });
    }

    [Fact]
    public async Task RejectedRequests_AreRecordedWithTheirStatus()
    {
        using var anonymous = ClientWithToken(null);
        using var unauthorized = await anonymous.GetAsync(PortalsPath, Ct);

        var entry = Assert.Single(Emulator.Journal.Entries);
        Assert.Equal(401, entry.Status);
        Assert.Null(entry.BearerToken);
    }

    [Fact]
    public async Task ControlPlaneRequests_AreNotRecorded()
    {
        using var control = await Http.GetAsync("/__emulator/portals", Ct);

        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
        Assert.Empty(Emulator.Journal.Entries);
    }

    [Fact]
    public async Task WaitForAsync_CompletesForExistingAndFutureEntries()
    {
        using var first = await Http.GetAsync(PortalsPath, Ct);
        var existing = await Emulator.Journal.WaitForAsync(e => e.Method == "GET", Ct);
        var future = Emulator.Journal.WaitForAsync(e => e.Method == "DELETE", Ct);
        Assert.False(future.IsCompleted);

        using var delete = await Http.DeleteAsync(PortalsPath + "/x", Ct);

        Assert.Equal(1, existing.Sequence);
        Assert.Equal(404, (await future).Status);
    }

    [Fact]
    public async Task Clear_ForgetsEntriesButKeepsCounting()
    {
        using var first = await Http.GetAsync(PortalsPath, Ct);
        Emulator.Journal.Clear();
        using var second = await Http.GetAsync(PortalsPath, Ct);

        Assert.Equal(2, Assert.Single(Emulator.Journal.Entries).Sequence);
    }
}
