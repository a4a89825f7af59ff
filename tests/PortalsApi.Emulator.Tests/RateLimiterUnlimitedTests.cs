using System.Net;

namespace PortalsApi.Emulator.Tests;

public sealed class RateLimiterUnlimitedTests : EmulatorTestBase
{
    [Fact]
    public async Task WithoutLimit_ReportsDocumentedDefaultAndNeverAnswers429()
    {
        HttpResponseMessage? last = null;
        for (var i = 0; i < 205; i++)
        {
            last?.Dispose();
            last = await Http.GetAsync(PortalsPath, Ct);
        }

        using (last)
        {
            Assert.Equal(HttpStatusCode.OK, last!.StatusCode);
            Assert.Equal("200", Header(last, "RateLimit-Limit"));
            Assert.Equal("0", Header(last, "RateLimit-Remaining"));
        }
    }
}
