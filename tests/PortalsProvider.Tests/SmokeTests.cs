namespace PortalsProvider.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Version_IsSemver() => Assert.Matches(@"^\d+\.\d+\.\d+", ProviderInfo.Version);
}
