using System.Collections.Immutable;

namespace PortalsProvider.Portals;

/// <summary>
/// Conversions between the neutral <see cref="PValue"/> model (what front ends decode their wire values into)
/// and the typed <see cref="PortalInputs"/>/<see cref="PortalState"/>. Property names come from
/// <see cref="PortalProperties"/>. Secrets are looked through on the way in; on the way out only
/// <c>token</c> is wrapped (front ends re-wrap whatever else came in secret).
/// </summary>
internal static class PortalValues
{
    /// <summary>Typed inputs from checked, fully known inputs (call <see cref="PortalChecker.Check"/> first).</summary>
    /// <exception cref="ArgumentException">A required value is missing, unknown or of the wrong type.</exception>
    public static PortalInputs ReadInputs(PValue.Object inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return new PortalInputs(
            Name: RequiredString(inputs, PortalProperties.Name),
            Query: RequiredString(inputs, PortalProperties.Query),
            Slug: OptionalString(inputs, PortalProperties.Slug),
            Description: OptionalString(inputs, PortalProperties.Description),
            AllowedIpAddresses: OptionalStrings(inputs, PortalProperties.AllowedIpAddresses),
            UserInvokable: inputs[PortalProperties.UserInvokable]?.Unwrap() is PValue.Bool b ? b.Value : null);
    }

    /// <summary>Inputs as a program would write them (Read's <c>inputs</c>): unset values are omitted.</summary>
    public static PValue.Object WriteInputs(PortalInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var fields = new List<KeyValuePair<string, PValue>>
        {
            new(PortalProperties.Name, new PValue.Str(inputs.Name)),
            new(PortalProperties.Query, new PValue.Str(inputs.Query)),
        };
        AddIf(fields, PortalProperties.Slug, inputs.Slug);
        AddIf(fields, PortalProperties.Description, inputs.Description);
        if (inputs.AllowedIpAddresses is { IsDefaultOrEmpty: false } ips)
        {
            fields.Add(new(PortalProperties.AllowedIpAddresses, PValue.Of(ips)));
        }

        if (inputs.UserInvokable is { } ui)
        {
            fields.Add(new(PortalProperties.UserInvokable, new PValue.Bool(ui)));
        }

        return PValue.Object.From(fields);
    }

    /// <summary>Every output. <c>token</c>, when known, is wrapped as a secret; unset optionals are omitted.</summary>
    public static PValue.Object WriteState(PortalState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var fields = new List<KeyValuePair<string, PValue>>
        {
            new(PortalProperties.Uuid, new PValue.Str(state.Uuid)),
            new(PortalProperties.Name, new PValue.Str(state.Name)),
            new(PortalProperties.Query, new PValue.Str(state.Query)),
            new(PortalProperties.Slug, new PValue.Str(state.Slug)),
            new(PortalProperties.UserInvokable, new PValue.Bool(state.UserInvokable)),
            new(PortalProperties.Url, new PValue.Str(state.Url)),
        };
        AddIf(fields, PortalProperties.Description, state.Description);
        if (state.AllowedIpAddresses is { IsDefaultOrEmpty: false } ips)
        {
            fields.Add(new(PortalProperties.AllowedIpAddresses, PValue.Of(ips)));
        }

        AddIf(fields, PortalProperties.OrganizationUuid, state.OrganizationUuid);
        AddIf(fields, PortalProperties.CreatedAt, state.CreatedAt);
        if (state.CreatedBy is { } c)
        {
            var by = new List<KeyValuePair<string, PValue>>();
            AddIf(by, "id", c.Id);
            AddIf(by, "graphqlId", c.GraphqlId);
            AddIf(by, "name", c.Name);
            AddIf(by, "email", c.Email);
            AddIf(by, "avatarUrl", c.AvatarUrl);
            AddIf(by, "createdAt", c.CreatedAt);
            fields.Add(new(PortalProperties.CreatedBy, PValue.Object.From(by)));
        }

        if (state.Token is { } token)
        {
            fields.Add(new(PortalProperties.Token, new PValue.Secret(new PValue.Str(token))));
        }

        return PValue.Object.From(fields);
    }

    /// <summary>Prior state from stored outputs; null when it has no slug (not a state this provider wrote).
    /// Tolerant of missing optional fields; <paramref name="id"/> stands in for a missing <c>uuid</c>.</summary>
    public static PortalState? ReadState(PValue.Object outputs, string id)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (Str(outputs, PortalProperties.Slug) is not { Length: > 0 } slug)
        {
            return null;
        }

        PortalCreator? creator = null;
        if (outputs[PortalProperties.CreatedBy]?.Unwrap() is PValue.Object by)
        {
            creator = new PortalCreator(Str(by, "id"), Str(by, "graphqlId"), Str(by, "name"), Str(by, "email"), Str(by, "avatarUrl"), Str(by, "createdAt"));
        }

        return new PortalState(
            Uuid: Str(outputs, PortalProperties.Uuid) is { Length: > 0 } uuid ? uuid : id,
            Name: Str(outputs, PortalProperties.Name) ?? string.Empty,
            Query: Str(outputs, PortalProperties.Query) ?? string.Empty,
            Slug: slug,
            Description: Str(outputs, PortalProperties.Description),
            AllowedIpAddresses: OptionalStrings(outputs, PortalProperties.AllowedIpAddresses),
            UserInvokable: outputs[PortalProperties.UserInvokable]?.Unwrap() is PValue.Bool { Value: true },
            OrganizationUuid: Str(outputs, PortalProperties.OrganizationUuid),
            CreatedAt: Str(outputs, PortalProperties.CreatedAt),
            CreatedBy: creator,
            Url: Str(outputs, PortalProperties.Url) ?? string.Empty,
            Token: Str(outputs, PortalProperties.Token));
    }

    /// <summary>
    /// The inputs that describe <paramref name="state"/>, shaped like <paramref name="prior"/> where that means
    /// the same thing: a slug or <c>userInvokable</c> the user never set stays unset, and an allow-list equal as
    /// a set keeps the user's order. So refresh never invents a diff, and import (no prior) yields complete
    /// inputs that Check accepts and Diff finds equal.
    /// </summary>
    public static PortalInputs InputsFromState(PortalState state, PortalInputs? prior)
    {
        ArgumentNullException.ThrowIfNull(state);
        var ips = state.AllowedIpAddresses;
        if (prior?.AllowedIpAddresses is { } priorIps && PortalDiffer.SameAllowList(priorIps, ips))
        {
            ips = priorIps.IsEmpty ? null : priorIps;
        }

        return new PortalInputs(
            Name: state.Name,
            Query: state.Query,
            Slug: prior is not null && prior.Slug is null ? null : state.Slug,
            Description: state.Description,
            AllowedIpAddresses: ips,
            UserInvokable: prior is not null && prior.UserInvokable is null && !state.UserInvokable ? null : state.UserInvokable);
    }

    /// <summary>Typed prior inputs when complete enough (name and query known), else null.</summary>
    public static PortalInputs? TryReadInputs(PValue.Object? inputs)
    {
        if (inputs is null || inputs.ContainsUnknown
            || Str(inputs, PortalProperties.Name) is null || Str(inputs, PortalProperties.Query) is null)
        {
            return null;
        }

        return ReadInputs(inputs);
    }

    /// <summary>Create(preview): the inputs plus every server-assigned output unknown (the slug and url are
    /// known when the user set the slug).</summary>
    public static PValue.Object PreviewCreate(PValue.Object inputs, string organization)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var result = inputs;
        foreach (var p in PortalProperties.All.Where(p => !p.Input))
        {
            result = result.With(p.Name, PValue.UnknownValue);
        }

        result = result[PortalProperties.Slug] is { } s && s.Unwrap() is PValue.Str slug
            ? result.With(PortalProperties.Url, new PValue.Str(PortalMapper.InvocationUrl(organization, slug.Value)))
            : result.With(PortalProperties.Slug, PValue.UnknownValue);
        if (result[PortalProperties.UserInvokable] is null or PValue.Null)
        {
            result = result.With(PortalProperties.UserInvokable, new PValue.Bool(false));
        }

        return result.Without(PortalProperties.Token).With(PortalProperties.Token, new PValue.Secret(PValue.UnknownValue));
    }

    /// <summary>Update(preview): prior outputs overlaid with the new inputs; the token carried forward.</summary>
    public static PValue.Object PreviewUpdate(PValue.Object news, PortalState old, string organization)
    {
        ArgumentNullException.ThrowIfNull(news);
        ArgumentNullException.ThrowIfNull(old);
        var result = WriteState(old);
        foreach (var p in PortalProperties.Inputs)
        {
            var v = news[p.Name];
            if (p.Name == PortalProperties.Slug && v is null or PValue.Null)
            {
                continue; // an unset slug keeps the current one (it is always sent on update)
            }

            result = v is null or PValue.Null ? result.Without(p.Name) : result.With(p.Name, v);
        }

        if (result[PortalProperties.UserInvokable] is null)
        {
            result = result.With(PortalProperties.UserInvokable, new PValue.Bool(false));
        }

        return result.With(
            PortalProperties.Url,
            result[PortalProperties.Slug]?.Unwrap() is PValue.Str slug
                ? new PValue.Str(PortalMapper.InvocationUrl(organization, slug.Value))
                : PValue.UnknownValue);
    }

    private static void AddIf(List<KeyValuePair<string, PValue>> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(new(name, new PValue.Str(value)));
        }
    }

    private static string? Str(PValue.Object o, string name) => o[name]?.Unwrap() is PValue.Str s ? s.Value : null;

    private static string RequiredString(PValue.Object o, string name) =>
        Str(o, name) ?? throw new ArgumentException($"{name} must be a known string", nameof(o));

    private static string? OptionalString(PValue.Object o, string name) => o[name]?.Unwrap() switch
    {
        null or PValue.Null => null,
        PValue.Str s => s.Value,
        _ => throw new ArgumentException($"{name} must be a known string", nameof(o)),
    };

    private static ImmutableArray<string>? OptionalStrings(PValue.Object o, string name) => o[name]?.Unwrap() switch
    {
        null or PValue.Null => null,
        PValue.List l when l.Items.All(i => i is PValue.Str) => [.. l.Items.Cast<PValue.Str>().Select(s => s.Value)],
        _ => throw new ArgumentException($"{name} must be a list of known strings", nameof(o)),
    };
}
