using System.Collections.Immutable;

namespace PortalsProvider.Portals;

/// <summary>
/// The functions (invokes) <c>getPortal</c> and <c>getPortals</c>, independent of any front end: their
/// arguments, how arguments are validated (every failure at once, each naming its argument, never an exception)
/// and the shape of their results. Results are the resource's own outputs — the property table's rows minus
/// the secret ones (<c>token</c>) — written by the same mapper as the resource's state, so a property added to
/// the table appears in both functions and in their schema without further change.
/// </summary>
internal static class PortalLookup
{
    public const string GetPortal = "getPortal";
    public const string GetPortals = "getPortals";
    public const string SlugArgument = "slug";
    public const string UuidArgument = "uuid";
    public const string NameContainsArgument = "nameContains";

    /// <summary>The single output of <c>getPortals</c>.</summary>
    public const string PortalsOutput = "portals";

    /// <summary>The arguments of <c>getPortal</c> (exactly one must be given; the function's description says so).
    /// The texts are the schema's, and through it the C# SDK's doc comments.</summary>
    public static ImmutableArray<FunctionArgument> GetPortalArguments { get; } =
    [
        new(SlugArgument, "The slug of the portal to look up."),
        new(UuidArgument, "The UUID of the portal to look up."),
    ];

    /// <summary>The arguments of <c>getPortals</c> (all optional).</summary>
    public static ImmutableArray<FunctionArgument> GetPortalsArguments { get; } =
    [
        new(NameContainsArgument, "Only portals whose name contains this text (case-insensitive)."),
    ];

    /// <summary>What both functions return per portal: every output of <c>Portal</c> except secret ones.</summary>
    public static ImmutableArray<PortalProperty> Outputs { get; } = [.. PortalProperties.All.Where(p => !p.Secret)];

    /// <summary>One portal as a function result: the resource's outputs (same mapper), secret ones removed.</summary>
    public static PValue.Object ToResult(PortalState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var outputs = PortalValues.WriteState(state);
        return PValue.Object.From(outputs.Fields.Where(kv => Outputs.Any(p => p.Name == kv.Key) && kv.Value is not PValue.Secret));
    }

    /// <summary>The result of <c>getPortals</c>: <c>{ portals: [...] }</c>, in the API's order.</summary>
    public static PValue.Object ToListResult(IEnumerable<PortalState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return PValue.Object.Empty.With(PortalsOutput, new PValue.List([.. states.Select(s => (PValue)ToResult(s))]));
    }

    /// <summary>Validates <c>getPortal</c>'s arguments (secrets looked through). Null with failures when invalid.</summary>
    public static PortalLookupRequest? ParseGetPortal(PValue.Object args, out ImmutableArray<CheckFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(args);
        var list = ImmutableArray.CreateBuilder<CheckFailure>();
        UnknownArguments(args, GetPortal, GetPortalArguments, list);
        var slug = OptionalString(args, SlugArgument, list);
        var uuid = OptionalString(args, UuidArgument, list);
        if (slug is not null && string.IsNullOrWhiteSpace(slug))
        {
            list.Add(new CheckFailure(SlugArgument, "must not be blank; give the portal's slug (the last segment of its URL)"));
            slug = null;
        }

        if (uuid is not null && !Guid.TryParse(uuid, out _))
        {
            list.Add(new CheckFailure(UuidArgument, $"must be a UUID such as 0190f5a2-7c1e-7a43-9a8e-3c4d5e6f7a8b, not \"{Shorten(uuid)}\""));
            uuid = null;
        }

        var given = args.Fields.Keys.Where(k => k is SlugArgument or UuidArgument && args[k]!.Unwrap() is not PValue.Null).ToList();
        if (given.Count == 2)
        {
            list.Add(new CheckFailure(UuidArgument, "set exactly one of `slug` or `uuid`, not both"));
        }
        else if (given.Count == 0)
        {
            list.Add(new CheckFailure(SlugArgument, "set exactly one of `slug` or `uuid`; neither was given"));
        }

        failures = list.ToImmutable();
        return failures.IsEmpty ? new PortalLookupRequest(slug, uuid) : null;
    }

    /// <summary>Validates <c>getPortals</c>' arguments. Returns the filter (null: none); failures when invalid.</summary>
    public static string? ParseGetPortals(PValue.Object args, out ImmutableArray<CheckFailure> failures) =>
        ParseNameFilter(args, GetPortals, out failures);

    /// <summary>Validates a resource-discovery query (the List RPC's <c>query</c>): the same filter as
    /// <c>getPortals</c>. Returns the filter (null: none); failures when invalid.</summary>
    public static string? ParseListQuery(PValue.Object query, out ImmutableArray<CheckFailure> failures) =>
        ParseNameFilter(query, "List (query)", out failures);

    private static string? ParseNameFilter(PValue.Object args, string function, out ImmutableArray<CheckFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(args);
        var list = ImmutableArray.CreateBuilder<CheckFailure>();
        UnknownArguments(args, function, GetPortalsArguments, list);
        var nameContains = OptionalString(args, NameContainsArgument, list);
        failures = list.ToImmutable();
        return string.IsNullOrEmpty(nameContains) ? null : nameContains;
    }

    /// <summary>The error for a lookup that found nothing: names what was looked for and where.</summary>
    public static PortalOperationException NotFound(PortalLookupRequest request, string organization)
    {
        ArgumentNullException.ThrowIfNull(request);
        var where = request.Uuid is not null ? " (searched every page of its portal list)" : string.Empty;
        return new PortalOperationException(
            "looking up",
            request.Slug ?? request.Uuid ?? string.Empty,
            PortalFailure.NotFound,
            $"no portal with {request.Describe()} exists in organization \"{organization}\"{where}");
    }

    private static void UnknownArguments(PValue.Object args, string function, ImmutableArray<FunctionArgument> known, ImmutableArray<CheckFailure>.Builder failures)
    {
        foreach (var key in args.Fields.Keys)
        {
            // "__defaults" and friends are SDK bookkeeping, not arguments.
            if (!key.StartsWith("__", StringComparison.Ordinal) && !known.Any(a => a.Name == key))
            {
                failures.Add(new CheckFailure(key, $"unknown argument \"{key}\"; {function} takes {string.Join(", ", known.Select(a => a.Name))}"));
            }
        }
    }

    private static string? OptionalString(PValue.Object args, string name, ImmutableArray<CheckFailure>.Builder failures)
    {
        switch (args[name]?.Unwrap())
        {
            case null or PValue.Null:
                return null;
            case PValue.Str s:
                return s.Value;
            case PValue.Unknown:
                failures.Add(new CheckFailure(name, "is not known yet; a function needs known arguments (use the Output form of the invoke so that it waits for them)"));
                return null;
            case var other:
                failures.Add(new CheckFailure(name, $"must be a string, not {other.KindName}"));
                return null;
        }
    }

    private static string Shorten(string s) => s.Length > 64 ? s[..64] + "…" : s;
}
