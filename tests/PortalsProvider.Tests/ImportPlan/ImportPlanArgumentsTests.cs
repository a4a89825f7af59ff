using PortalsProvider.ImportPlan;

namespace PortalsProvider.Tests.ImportPlan;

public sealed class ImportPlanArgumentsTests
{
    [Fact]
    public void Parse_SpaceAndEqualsForms()
    {
        var a = ImportPlanArguments.Parse(["--organization", "acme", "--api-url=http://127.0.0.1:1", "--output", "p.json", "--name-contains=Deploy"]);
        Assert.Equal(new ImportPlanArguments("acme", "http://127.0.0.1:1", "Deploy", "p.json", Help: false), a);
    }

    [Fact]
    public void Parse_Nothing_AllDefaults()
    {
        Assert.Equal(new ImportPlanArguments(null, null, null, null, false), ImportPlanArguments.Parse([]));
    }

    [Fact]
    public void Parse_Help()
    {
        Assert.True(ImportPlanArguments.Parse(["--organization", "acme", "--help"]).Help);
        Assert.True(ImportPlanArguments.Parse(["-h"]).Help);
    }

    [Theory]
    [InlineData("--organization")]
    [InlineData("--organization", "--output", "x")]
    public void Parse_FlagWithoutValue_NamesTheFlag(params string[] args)
    {
        var ex = Assert.Throws<ArgumentException>(() => ImportPlanArguments.Parse(args));
        Assert.StartsWith("--organization needs a value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownFlag_ListsTheValidOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => ImportPlanArguments.Parse(["--org", "acme"]));
        Assert.Contains("unknown argument \"--org\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--organization", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--token")]
    [InlineData("--api-token")]
    public void Parse_TokenFlag_IsRefusedPointingToTheEnvVar(string flag)
    {
        var ex = Assert.Throws<ArgumentException>(() => ImportPlanArguments.Parse([flag, "bkua_x"]));
        Assert.Contains("BUILDKITE_API_TOKEN", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bkua_x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RepeatedFlag_IsRefused()
    {
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => ImportPlanArguments.Parse(["--output=a", "--output=b"])).Message, StringComparison.Ordinal);
    }
}
