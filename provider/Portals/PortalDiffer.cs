using System.Collections.Immutable;

namespace PortalsProvider.Portals;

/// <summary>
/// Diff: old inputs against new inputs, property by property, in the table's order. Pure.
/// <list type="bullet">
/// <item>Secrets are compared by their values.</item>
/// <item>Unset, null and (for the allow-list) empty are the same; <c>userInvokable</c> unset equals <c>false</c>.</item>
/// <item><c>allowedIpAddresses</c> is a set (order and CIDR spelling do not matter).</item>
/// <item>A <c>slug</c> absent from the new inputs never diffs (the API derived it, and an update keeps it);
/// a new slug is compared with the old input, else with the slug in state.</item>
/// <item>An unknown new value is a change.</item>
/// <item><paramref name="ignoreChanges"/>: a top-level name, or a path below one (<c>allowedIpAddresses[0]</c>),
/// ignores that whole property.</item>
/// </list>
/// </summary>
internal static class PortalDiffer
{
    public static ImmutableArray<PropertyChange> Diff(
        PValue.Object oldInputs, PValue.Object? oldState, PValue.Object news, IEnumerable<string>? ignoreChanges = null)
    {
        ArgumentNullException.ThrowIfNull(oldInputs);
        ArgumentNullException.ThrowIfNull(news);
        var ignored = (ignoreChanges ?? []).Select(TopLevel).ToHashSet(StringComparer.Ordinal);
        var changes = ImmutableArray.CreateBuilder<PropertyChange>();
        foreach (var p in PortalProperties.Inputs)
        {
            if (ignored.Contains(p.Name))
            {
                continue;
            }

            var newValue = Normalize(p.Name, news[p.Name]);
            var oldValue = Normalize(p.Name, oldInputs[p.Name]);
            if (p.Name == PortalProperties.Slug)
            {
                if (newValue is null)
                {
                    continue;
                }

                oldValue ??= Normalize(p.Name, oldState?[p.Name]);
            }

            if (newValue is PValue.Unknown || !Equals(oldValue, newValue))
            {
                changes.Add(new PropertyChange(p.Name, (oldValue, newValue) switch
                {
                    (null, _) => ChangeKind.Add,
                    (_, null) => ChangeKind.Delete,
                    _ => ChangeKind.Update,
                }));
            }
        }

        return changes.ToImmutable();
    }

    /// <summary>Typed form of the same rules, for front ends that hold typed values (Terraform plans).</summary>
    public static ImmutableArray<PropertyChange> Diff(PortalInputs oldInputs, PortalState? oldState, PortalInputs news)
    {
        ArgumentNullException.ThrowIfNull(oldInputs);
        ArgumentNullException.ThrowIfNull(news);
        return Diff(PortalValues.WriteInputs(oldInputs), oldState is null ? null : PortalValues.WriteState(oldState), PortalValues.WriteInputs(news));
    }

    /// <summary>Set equality of two allow-lists; null and empty are both "no allow-list".</summary>
    public static bool SameAllowList(ImmutableArray<string>? a, ImmutableArray<string>? b) =>
        Equals(NormalizeList(a is { IsDefaultOrEmpty: false } x ? PValue.Of(x) : null), NormalizeList(b is { IsDefaultOrEmpty: false } y ? PValue.Of(y) : null));

    private static string TopLevel(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }

    /// <summary>null = unset. Lists become sorted canonical string lists.</summary>
    private static PValue? Normalize(string name, PValue? value)
    {
        var v = value?.Unwrap();
        if (v is null or PValue.Null)
        {
            return name == PortalProperties.UserInvokable ? new PValue.Bool(false) : null;
        }

        return name == PortalProperties.AllowedIpAddresses ? NormalizeList(v) : v;
    }

    private static PValue? NormalizeList(PValue? v) => v switch
    {
        null or PValue.Null => null,
        PValue.List { Items.Length: 0 } => null,
        PValue.List l when l.ContainsUnknown => PValue.UnknownValue,
        PValue.List l => new PValue.List([.. l.Items
            .Select(i => i is PValue.Str s ? PortalChecker.CanonicalCidr(s.Value) : i.ToString() ?? string.Empty)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(s => (PValue)new PValue.Str(s))]),
        _ => v,
    };
}
