using PortalsProvider.Terraform;

namespace PortalsProvider.Tests.Terraform;

public sealed class GoPluginHandshakeTests
{
    [Fact]
    public void FormatLine_Unix_HasSixFieldsAndUnpaddedBase64Der()
    {
        using var cert = AutoMtls.CreateServerCertificate(TimeProvider.System);

        var line = GoPluginHandshake.FormatLine("unix", "/tmp/plugin123", cert.RawData);

        var fields = line.Split('|');
        Assert.Equal(["1", "6", "unix", "/tmp/plugin123", "grpc"], fields[..5]);
        Assert.DoesNotContain("=", fields[5]);
        var padded = fields[5].PadRight(fields[5].Length + ((4 - (fields[5].Length % 4)) % 4), '=');
        Assert.Equal(cert.RawData, Convert.FromBase64String(padded));
    }

    [Fact]
    public void FormatLine_NoTls_EndsWithEmptyCertField() =>
        Assert.Equal("1|6|tcp|127.0.0.1:4000|grpc|", GoPluginHandshake.FormatLine("tcp", "127.0.0.1:4000", default));

    [Theory]
    [InlineData("5,6")]
    [InlineData("6,5")]
    [InlineData(" 6 ")]
    [InlineData(null)]
    public void NegotiateProtocol_SixOfferedOrNothingSaid_IsSix(string? offered) =>
        Assert.Equal(6, GoPluginHandshake.NegotiateProtocol(offered));

    [Theory]
    [InlineData("5")]
    [InlineData("4,5")]
    [InlineData("66")]
    public void NegotiateProtocol_SixNotOffered_IsNull(string offered) => Assert.Null(GoPluginHandshake.NegotiateProtocol(offered));

    [Fact]
    public void HasValidCookie_OnlyTerraformsValue()
    {
        Assert.True(GoPluginHandshake.HasValidCookie(k => k == "TF_PLUGIN_MAGIC_COOKIE" ? GoPluginHandshake.CookieValue : null));
        Assert.False(GoPluginHandshake.HasValidCookie(_ => null));
        Assert.False(GoPluginHandshake.HasValidCookie(_ => "nope"));
    }

    [Fact]
    public void NotAPluginMessage_SaysWhatToDo()
    {
        Assert.StartsWith("This binary is a plugin.", GoPluginHandshake.NotAPluginMessage);
        Assert.Contains("buildkite/portals", GoPluginHandshake.NotAPluginMessage);
    }
}
