using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace PortalsProvider.Portals;

/// <summary>
/// Validates portal inputs (Check). Pure: no I/O. Returns every failure at once, each with its property path,
/// and never throws on bad input of any shape. Unknown values (preview) pass unvalidated; secret wrappers are
/// looked through for validation and left in place in the returned inputs.
/// </summary>
internal static partial class PortalChecker
{
    /// <summary>Deeper than any real portal query; bounds the parser's recursion on hostile input.</summary>
    private const int MaxQueryDepth = 256;

    public static CheckResult Check(PValue.Object news)
    {
        ArgumentNullException.ThrowIfNull(news);
        var failures = ImmutableArray.CreateBuilder<CheckFailure>();

        foreach (var key in news.Fields.Keys)
        {
            // "__defaults" and friends are engine/SDK bookkeeping from older SDKs, not user properties.
            if (!key.StartsWith("__", StringComparison.Ordinal) && !PortalProperties.Inputs.Any(p => p.Name == key))
            {
                failures.Add(new CheckFailure(key, $"unknown property \"{key}\"; valid properties are {string.Join(", ", PortalProperties.Inputs.Select(p => p.Name))}"));
            }
        }

        CheckName(news[PortalProperties.Name], failures);
        CheckQuery(news[PortalProperties.Query], failures);
        CheckSlug(news[PortalProperties.Slug], failures);
        CheckOptionalString(PortalProperties.Description, news[PortalProperties.Description], failures);
        CheckAllowedIps(news[PortalProperties.AllowedIpAddresses], failures);
        CheckOptionalBool(PortalProperties.UserInvokable, news[PortalProperties.UserInvokable], failures);

        return new CheckResult(news, failures.ToImmutable());
    }

    /// <summary>Parses a GraphQL executable document; null when valid, else the reason (with line:column).</summary>
    public static string? ValidateQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query))
        {
            return "must be a GraphQL document; it is blank";
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.All, MaxDepth = MaxQueryDepth });
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return $"is nested more than {MaxQueryDepth} levels deep";
        }
        catch (GraphQLParserException ex)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is not valid GraphQL: {ex.Description} at line {ex.Location.Line}, column {ex.Location.Column} ({ex.Location.Line}:{ex.Location.Column})");
        }

        var nonExecutable = document.Definitions.FirstOrDefault(d => d is not GraphQLExecutableDefinition);
        if (nonExecutable is not null)
        {
            return $"must be an executable document (operations and fragments only), but it contains a {Describe(nonExecutable.Kind)}";
        }

        if (!document.Definitions.OfType<GraphQLOperationDefinition>().Any())
        {
            return "must define at least one operation (query, mutation or subscription)";
        }

        return null;
    }

    /// <summary>Checks one CIDR block; null when valid, else the reason and the fix.</summary>
    public static string? ValidateCidr(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var addressPart = slash < 0 ? entry : entry[..slash];
        if (!IPAddress.TryParse(addressPart, out var address) || entry.Any(char.IsWhiteSpace) || addressPart.Contains('%', StringComparison.Ordinal)
            || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && address.ToString() != addressPart))
        {
            return $"\"{entry}\" is not a CIDR block (for example 192.0.2.0/24 or 2001:db8::/32)";
        }

        var max = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        if (slash < 0)
        {
            return $"\"{entry}\" is an address, not a CIDR block; write {entry}/{max} for this address alone";
        }

        if (!int.TryParse(entry.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > max)
        {
            return $"\"{entry}\" has an invalid prefix length; it must be 0 to {max}";
        }

        var masked = Mask(address, prefix);
        if (!masked.Equals(address))
        {
            return $"\"{entry}\" has bits set after the /{prefix} prefix; did you mean {new IPNetwork(masked, prefix)}?";
        }

        return IPNetwork.TryParse(entry, out _) ? null : $"\"{entry}\" is not a CIDR block (for example 192.0.2.0/24 or 2001:db8::/32)";
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }

        return new IPAddress(bytes);
    }

    private static void CheckName(PValue? value, ImmutableArray<CheckFailure>.Builder failures)
    {
        switch (value?.Unwrap())
        {
            case null or PValue.Null:
                failures.Add(new CheckFailure(PortalProperties.Name, "name is required"));
                break;
            case PValue.Unknown:
                break;
            case PValue.Str s when string.IsNullOrWhiteSpace(s.Value):
                failures.Add(new CheckFailure(PortalProperties.Name, "name must not be blank"));
                break;
            case PValue.Str:
                break;
            case var other:
                failures.Add(WrongType(PortalProperties.Name, "a string", other));
                break;
        }
    }

    private static void CheckQuery(PValue? value, ImmutableArray<CheckFailure>.Builder failures)
    {
        switch (value?.Unwrap())
        {
            case null or PValue.Null:
                failures.Add(new CheckFailure(PortalProperties.Query, "query is required: a GraphQL document such as `query { viewer { user { name } } }`"));
                break;
            case PValue.Unknown:
                break;
            case PValue.Str s:
                if (ValidateQuery(s.Value) is { } reason)
                {
                    failures.Add(new CheckFailure(PortalProperties.Query, "query " + reason));
                }

                break;
            case var other:
                failures.Add(WrongType(PortalProperties.Query, "a string", other));
                break;
        }
    }

    private static void CheckSlug(PValue? value, ImmutableArray<CheckFailure>.Builder failures)
    {
        switch (value?.Unwrap())
        {
            case null or PValue.Null or PValue.Unknown:
                break;
            case PValue.Str { Value.Length: 0 }:
                failures.Add(new CheckFailure(PortalProperties.Slug, "slug must not be empty; omit it to let Buildkite derive it from the name"));
                break;
            case PValue.Str { Value.Length: > PortalProperties.SlugMaxLength } s:
                failures.Add(new CheckFailure(PortalProperties.Slug, string.Create(CultureInfo.InvariantCulture, $"slug is {s.Value.Length} characters long; at most {PortalProperties.SlugMaxLength} are allowed")));
                break;
            case PValue.Str s when !SlugRegex().IsMatch(s.Value):
                failures.Add(new CheckFailure(PortalProperties.Slug, $"slug \"{s.Value}\" is invalid: use lowercase letters, digits and dashes, starting with a letter or digit ({PortalProperties.SlugPattern})"));
                break;
            case PValue.Str:
                break;
            case var other:
                failures.Add(WrongType(PortalProperties.Slug, "a string", other));
                break;
        }
    }

    private static void CheckOptionalString(string name, PValue? value, ImmutableArray<CheckFailure>.Builder failures)
    {
        if (value?.Unwrap() is not (null or PValue.Null or PValue.Unknown or PValue.Str))
        {
            failures.Add(WrongType(name, "a string", value!.Unwrap()));
        }
    }

    private static void CheckOptionalBool(string name, PValue? value, ImmutableArray<CheckFailure>.Builder failures)
    {
        if (value?.Unwrap() is not (null or PValue.Null or PValue.Unknown or PValue.Bool))
        {
            failures.Add(WrongType(name, "a boolean", value!.Unwrap()));
        }
    }

    private static void CheckAllowedIps(PValue? value, ImmutableArray<CheckFailure>.Builder failures)
    {
        const string name = PortalProperties.AllowedIpAddresses;
        switch (value?.Unwrap())
        {
            case null or PValue.Null or PValue.Unknown:
                return;
            case PValue.List list:
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < list.Items.Length; i++)
                {
                    var path = string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]");
                    switch (list.Items[i])
                    {
                        case PValue.Unknown:
                            break;
                        case PValue.Str s:
                            if (ValidateCidr(s.Value) is { } reason)
                            {
                                failures.Add(new CheckFailure(path, reason));
                            }
                            else if (seen.TryGetValue(CanonicalCidr(s.Value), out var first))
                            {
                                failures.Add(new CheckFailure(path, string.Create(CultureInfo.InvariantCulture, $"\"{s.Value}\" duplicates {name}[{first}]; the allow-list is a set")));
                            }
                            else
                            {
                                seen[CanonicalCidr(s.Value)] = i;
                            }

                            break;
                        case var other:
                            failures.Add(WrongType(path, "a string (a CIDR block)", other));
                            break;
                    }
                }

                return;
            case var other:
                failures.Add(WrongType(name, "a list of CIDR blocks", other));
                return;
        }
    }

    /// <summary>One spelling per network, so <c>2001:DB8::/32</c> and <c>2001:db8::/32</c> are the same entry.</summary>
    internal static string CanonicalCidr(string cidr) =>
        IPNetwork.TryParse(cidr, out var network) ? network.ToString() : cidr;

    private static CheckFailure WrongType(string path, string expected, PValue got) =>
        new(path, $"{path} must be {expected}, not {got.KindName}");

    private static string Describe(ASTNodeKind kind) => kind switch
    {
        ASTNodeKind.SchemaDefinition or ASTNodeKind.SchemaExtension => "schema definition",
        ASTNodeKind.DirectiveDefinition => "directive definition",
        _ => "type definition",
    };

    [GeneratedRegex(PortalProperties.SlugPattern, RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();
}
