using PortalsProvider.Portals;
using static PortalsProvider.Tests.Portals.PV;

namespace PortalsProvider.Tests.Portals;

public sealed class PortalCheckerTests
{
    private static IReadOnlyList<CheckFailure> Failures(PValue.Object news) => PortalChecker.Check(news).Failures;

    [Fact]
    public void Check_ValidFullInputs_NoFailuresAndInputsUnchanged()
    {
        var news = Valid(("slug", S("deploys-1")), ("description", S("d")), ("allowedIpAddresses", L(S("192.0.2.0/24"), S("2001:db8::/32"))), ("userInvokable", B(true)));
        var result = PortalChecker.Check(news);
        Assert.Empty(result.Failures);
        Assert.Equal(news, result.Inputs);
    }

    [Fact]
    public void Check_Empty_ReportsNameAndQueryAtOnce()
    {
        var failures = Failures(PValue.Object.Empty);
        Assert.Equal(["name", "query"], failures.Select(f => f.Property));
    }

    [Fact]
    public void Check_BlankName_Fails() =>
        Assert.Contains(Failures(Valid(("name", S("  ")))), f => f.Property == "name" && f.Reason.Contains("blank"));

    [Theory]
    [InlineData("query { viewer { ", 1, 18)]
    [InlineData("query {\n  viewer {\n    user(\n  }\n}", 4, 3)]
    public void Check_QuerySyntaxError_NamesLineAndColumn(string query, int line, int column)
    {
        var failure = Assert.Single(Failures(Valid(("query", S(query)))));
        Assert.Equal("query", failure.Property);
        Assert.Contains($"{line}:{column}", failure.Reason);
        Assert.Contains($"line {line}", failure.Reason);
    }

    [Fact]
    public void Check_QueryWithTypeDefinition_FailsAsNotExecutable() =>
        Assert.Contains("executable", Assert.Single(Failures(Valid(("query", S("type Foo { a: Int }"))))).Reason);

    [Fact]
    public void Check_QueryOnlyFragment_FailsWithoutOperation() =>
        Assert.Contains("at least one operation", Assert.Single(Failures(Valid(("query", S("fragment F on User { name }"))))).Reason);

    [Fact]
    public void Check_MultipleOperations_Pass() =>
        Assert.Empty(Failures(Valid(("query", S("query A { viewer { id } }\nquery B { viewer { id } }")))));

    [Theory]
    [InlineData("Deploys")]
    [InlineData("-deploys")]
    [InlineData("de ploys")]
    [InlineData("de_ploys")]
    [InlineData("")]
    public void Check_BadSlug_Fails(string slug) =>
        Assert.Equal("slug", Assert.Single(Failures(Valid(("slug", S(slug))))).Property);

    [Fact]
    public void Check_SlugTooLong_Fails() =>
        Assert.Contains("100", Assert.Single(Failures(Valid(("slug", S(new string('a', 101)))))).Reason);

    [Fact]
    public void Check_SlugOfMaxLength_Passes() => Assert.Empty(Failures(Valid(("slug", S(new string('a', 100))))));

    [Fact]
    public void Check_BadCidrs_ReportEachWithIndexPath()
    {
        var failures = Failures(Valid(("allowedIpAddresses", L(S("192.0.2.0/24"), S("nonsense"), S("10.0.0.1"), S("10.0.0.1/8"), S("10.0.0.0/33"), S("192.0.2.0/24")))));
        Assert.Equal(
            ["allowedIpAddresses[1]", "allowedIpAddresses[2]", "allowedIpAddresses[3]", "allowedIpAddresses[4]", "allowedIpAddresses[5]"],
            failures.Select(f => f.Property));
        Assert.Contains("10.0.0.1/32", failures[1].Reason);
        Assert.Contains("10.0.0.0/8", failures[2].Reason);
        Assert.Contains("0 to 32", failures[3].Reason);
        Assert.Contains("duplicates allowedIpAddresses[0]", failures[4].Reason);
    }

    [Theory]
    [InlineData("10.1/16")]
    [InlineData("fe80::1%eth0/64")]
    [InlineData("192.0.2.0/24 198.51.100.0/24")]
    [InlineData("")]
    public void ValidateCidr_Malformed_Fails(string cidr) => Assert.NotNull(PortalChecker.ValidateCidr(cidr));

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("192.0.2.7/32")]
    [InlineData("2001:db8::/32")]
    [InlineData("::/0")]
    public void ValidateCidr_Valid_Passes(string cidr) => Assert.Null(PortalChecker.ValidateCidr(cidr));

    [Fact]
    public void Check_WrongTypes_AreFailuresNotExceptions()
    {
        var news = O(
            ("name", N(3)),
            ("query", B(true)),
            ("slug", L()),
            ("description", O()),
            ("allowedIpAddresses", S("192.0.2.0/24")),
            ("userInvokable", S("yes")));
        var failures = Failures(news);
        Assert.Equal(["name", "query", "slug", "description", "allowedIpAddresses", "userInvokable"], failures.Select(f => f.Property));
        Assert.Contains("must be a string, not a number", failures[0].Reason);
        Assert.Contains("must be a boolean, not a string", failures[5].Reason);
    }

    [Fact]
    public void Check_WrongTypeListEntry_FailsWithPath() =>
        Assert.Equal("allowedIpAddresses[0]", Assert.Single(Failures(Valid(("allowedIpAddresses", L(N(1)))))).Property);

    [Fact]
    public void Check_UnknownProperty_Fails() =>
        Assert.Contains("unknown property", Assert.Single(Failures(Valid(("nmae", S("x"))))).Reason);

    [Fact]
    public void Check_EngineBookkeepingKeys_AreIgnored() => Assert.Empty(Failures(Valid(("__defaults", L()))));

    [Fact]
    public void Check_Unknowns_PassUnvalidated()
    {
        var news = O(("name", Unknown), ("query", Unknown), ("slug", Unknown), ("allowedIpAddresses", L(Unknown, S("192.0.2.0/24"))), ("userInvokable", Unknown));
        var result = PortalChecker.Check(news);
        Assert.Empty(result.Failures);
        Assert.Equal(news, result.Inputs);
    }

    [Fact]
    public void Check_Secrets_ValidatedThroughAndKeptWrapped()
    {
        var news = Valid(("query", Secret(S("query { viewer { id } }"))), ("allowedIpAddresses", Secret(L(S("192.0.2.0/24")))));
        var result = PortalChecker.Check(news);
        Assert.Empty(result.Failures);
        Assert.IsType<PValue.Secret>(result.Inputs["query"]);
        Assert.IsType<PValue.Secret>(result.Inputs["allowedIpAddresses"]);
        Assert.Single(Failures(Valid(("query", Secret(S("query {"))))));
    }

    [Fact]
    public void Check_NullOptionals_Pass() =>
        Assert.Empty(Failures(Valid(("slug", Null), ("description", Null), ("allowedIpAddresses", Null), ("userInvokable", Null))));

    [Fact]
    public void Check_HostileDeepQuery_FailsCleanly() =>
        Assert.Single(Failures(Valid(("query", S("query " + string.Concat(Enumerable.Repeat("{ a ", 5000)) + string.Concat(Enumerable.Repeat("}", 5000)))))));
}
