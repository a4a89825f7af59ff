using System.Text.RegularExpressions;
using PortalsProvider.ImportPlan;
using PortalsProvider.Portals;

namespace PortalsProvider.Tests.ImportPlan;

public sealed partial class ImportPlanNamesTests
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex ValidName();

    [Theory]
    [InlineData("deploys", "deploys")]
    [InlineData("latest-builds", "latest-builds")]
    [InlineData("2024-report", "portal-2024-report")]
    [InlineData("-x-", "x")]
    [InlineData("Weird Slug!", "Weird-Slug")]
    [InlineData("a--b", "a-b")]
    [InlineData("", "portal")]
    [InlineData("---", "portal")]
    [InlineData("ünïcode", "n-code")]
    public void FromSlug_IsValidAndRecognisable(string slug, string expected)
    {
        var name = ImportPlanNames.FromSlug(slug);
        Assert.Equal(expected, name);
        Assert.Matches(ValidName(), name);
    }

    [Fact]
    public void Assign_OrderedBySlug_TypeAndIdSet()
    {
        var entries = ImportPlanNames.Assign([new("u2", "zeta"), new("u1", "alpha")]);
        Assert.Equal(["alpha", "zeta"], entries.Select(e => e.Name));
        Assert.Equal(["u1", "u2"], entries.Select(e => e.Id));
        Assert.All(entries, e => Assert.Equal("buildkite-portals:index:Portal", e.Type));
    }

    [Fact]
    public void Assign_NamesThatGenerateTheSameIdentifier_GetSuffixes()
    {
        var entries = ImportPlanNames.Assign([new("u1", "a-b"), new("u2", "a_b"), new("u3", "ab"), new("u4", "1"), new("u5", "portal-1")]);
        var names = entries.Select(e => e.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.Matches(ValidName(), n));
        Assert.Equal(["portal-1", "a-b", "a_b-2", "ab-3", "portal-1-2"], names);
    }

    [Fact]
    public void Assign_IsDeterministicWhateverTheInputOrder()
    {
        List<PortalListEntry> portals = [new("u1", "b"), new("u2", "a"), new("u3", "a_"), new("u4", "c")];
        var forward = ImportPlanNames.Assign(portals);
        portals.Reverse();
        Assert.Equal(forward, ImportPlanNames.Assign(portals));
    }
}
