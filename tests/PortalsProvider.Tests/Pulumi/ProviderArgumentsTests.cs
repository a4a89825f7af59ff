using PortalsProvider.Pulumi;

namespace PortalsProvider.Tests.Pulumi;

public sealed class ProviderArgumentsTests
{
    [Fact]
    public void Parse_EngineAddressIsLastArgument()
    {
        var a = ProviderArguments.Parse(["--logtostderr", "-v=9", "--tracing", "http://t", "127.0.0.1:1234"]);
        Assert.Equal(new ProviderArguments("127.0.0.1:1234", true, 9, "http://t"), a);
    }

    [Fact]
    public void Parse_NoArguments_ServesWithoutEngine() => Assert.Equal(new ProviderArguments(null, false, 0, null), ProviderArguments.Parse([]));
}
