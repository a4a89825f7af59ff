using PortalsProvider.Buildkite;

namespace PortalsProvider.Portals;

/// <summary>
/// The portal lifecycle over the Portals API: what Create, Read, Import, Update and Delete mean, independent of
/// any front end. Failures are <see cref="PortalOperationException"/> (message names the action, the portal and
/// the API's message) or <see cref="PortalPartialFailureException"/>; cancellation is
/// <see cref="OperationCanceledException"/>. Stateless apart from the client: safe for concurrent calls.
/// </summary>
internal sealed class PortalService(IPortalsApi api, string organization)
{
    public string Organization { get; } = organization;

    /// <summary>POST once. If the API may have acted without our seeing the answer, the portal is looked up
    /// (by slug, or by matching every input when the slug was left to the API) before anything else: a found
    /// portal is a partial failure carrying its ID (so it is never orphaned); the POST is never repeated.</summary>
    public async Task<PortalState> CreateAsync(PortalInputs inputs, TimeSpan? timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var label = inputs.Slug ?? inputs.Name;
        try
        {
            var dto = await api.CreateAsync(PortalMapper.ToCreateRequest(inputs), timeout, ct).ConfigureAwait(false);
            return PortalMapper.ToState(dto, Organization, priorToken: null);
        }
        catch (BuildkiteApiException ex) when (ex.MayHaveActed)
        {
            var found = await FindCreatedAsync(inputs, timeout, ct).ConfigureAwait(false);
            if (found is null)
            {
                throw new PortalOperationException("creating", label, ex);
            }

            var state = PortalMapper.ToState(found, Organization, priorToken: null);
            throw new PortalPartialFailureException(
                state,
                $"creating portal \"{label}\": the portal was created (uuid {state.Uuid}, slug \"{state.Slug}\") but its token was lost because the response could not be read ({PortalOperationException.Describe(ex)}). " +
                "It is kept in state; to get a token, replace it: pulumi up --replace <urn>",
                ex);
        }
        catch (BuildkiteApiException ex)
        {
            throw new PortalOperationException("creating", label, ex);
        }
    }

    /// <summary>Refresh: GET by the slug in state; on 404 the portal may have been renamed outside the
    /// provider, so list and match the UUID (drift, not deletion). Null when truly gone. The token (never
    /// returned again by the API) is carried forward.</summary>
    public async Task<PortalState?> ReadAsync(string uuid, string slug, string? token, TimeSpan? timeout, CancellationToken ct)
    {
        try
        {
            var dto = await api.GetAsync(slug, timeout, ct).ConfigureAwait(false);
            if (string.Equals(dto.Uuid, uuid, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(uuid))
            {
                return PortalMapper.ToState(dto, Organization, token);
            }

            // The slug now belongs to a different portal (ours was renamed and the slug reused): look for ours.
        }
        catch (BuildkiteApiException ex) when (ex.IsNotFound)
        {
        }
        catch (BuildkiteApiException ex)
        {
            throw new PortalOperationException("reading", slug, ex);
        }

        var byUuid = await FindByUuidAsync(uuid, "reading", slug, timeout, ct).ConfigureAwait(false);
        return byUuid is null ? null : PortalMapper.ToState(byUuid, Organization, token);
    }

    /// <summary>Import by slug or UUID (a UUID is found through the list, as the API has no GET by UUID).
    /// Null when no such portal exists. The token cannot be read back.</summary>
    public async Task<PortalState?> ImportAsync(string id, TimeSpan? timeout, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (Guid.TryParse(id, out _))
        {
            var all = await ListDtosAsync("importing", id, timeout, ct).ConfigureAwait(false);
            var match = all.FirstOrDefault(p => string.Equals(p.Uuid, id, StringComparison.OrdinalIgnoreCase))
                ?? all.FirstOrDefault(p => p.Slug == id);
            return match is null ? null : PortalMapper.ToState(match, Organization, priorToken: null);
        }

        try
        {
            var dto = await api.GetAsync(id, timeout, ct).ConfigureAwait(false);
            return PortalMapper.ToState(dto, Organization, priorToken: null);
        }
        catch (BuildkiteApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
        catch (BuildkiteApiException ex)
        {
            throw new PortalOperationException("importing", id, ex);
        }
    }

    /// <summary>One PUT to the old slug with every input (a new slug renames in place; null clears). If the
    /// old slug is gone (renamed outside the provider, or a rename whose response was lost), the portal is
    /// found by UUID and the PUT goes to its current slug. The token is carried forward.</summary>
    public async Task<PortalState> UpdateAsync(PortalState old, PortalInputs news, TimeSpan? timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(news);
        try
        {
            var dto = await api.UpdateAsync(old.Slug, PortalMapper.ToUpdateRequest(news, old.Slug), timeout, ct).ConfigureAwait(false);
            return PortalMapper.ToState(dto, Organization, old.Token);
        }
        catch (BuildkiteApiException ex) when (ex.IsNotFound)
        {
            var current = await FindByUuidAsync(old.Uuid, "updating", old.Slug, timeout, ct).ConfigureAwait(false)
                ?? throw new PortalOperationException(
                    "updating", old.Slug, PortalFailure.NotFound,
                    $"the portal (uuid {old.Uuid}) no longer exists; run `pulumi refresh` to remove it from state, then `pulumi up` to create it again");
            try
            {
                var dto = await api.UpdateAsync(current.Slug, PortalMapper.ToUpdateRequest(news, current.Slug), timeout, ct).ConfigureAwait(false);
                return PortalMapper.ToState(dto, Organization, old.Token);
            }
            catch (BuildkiteApiException inner)
            {
                throw new PortalOperationException("updating", current.Slug, inner);
            }
        }
        catch (BuildkiteApiException ex)
        {
            throw new PortalOperationException("updating", old.Slug, ex);
        }
    }

    /// <summary>DELETE by slug. A 404 means the slug is gone: the portal may have been renamed, so look for
    /// the UUID; not found is "already deleted" (success).</summary>
    public async Task DeleteAsync(string uuid, string slug, TimeSpan? timeout, CancellationToken ct)
    {
        try
        {
            await api.DeleteAsync(slug, timeout, ct).ConfigureAwait(false);
            return;
        }
        catch (BuildkiteApiException ex) when (ex.IsNotFound)
        {
        }
        catch (BuildkiteApiException ex)
        {
            throw new PortalOperationException("deleting", slug, ex);
        }

        var current = await FindByUuidAsync(uuid, "deleting", slug, timeout, ct).ConfigureAwait(false);
        if (current is null)
        {
            return;
        }

        try
        {
            await api.DeleteAsync(current.Slug, timeout, ct).ConfigureAwait(false);
        }
        catch (BuildkiteApiException ex) when (ex.IsNotFound)
        {
        }
        catch (BuildkiteApiException ex)
        {
            throw new PortalOperationException("deleting", current.Slug, ex);
        }
    }

    /// <summary>Lookup for functions: exactly one of slug / uuid. Null when not found. No token.</summary>
    public async Task<PortalState?> FindAsync(string? slug, string? uuid, TimeSpan? timeout, CancellationToken ct)
    {
        if (slug is not null)
        {
            try
            {
                var dto = await api.GetAsync(slug, timeout, ct).ConfigureAwait(false);
                return PortalMapper.ToState(dto with { Token = null }, Organization, priorToken: null);
            }
            catch (BuildkiteApiException ex) when (ex.IsNotFound)
            {
                return null;
            }
            catch (BuildkiteApiException ex)
            {
                throw new PortalOperationException("looking up", slug, ex);
            }
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(uuid);
        var found = await FindByUuidAsync(uuid, "looking up", uuid, timeout, ct).ConfigureAwait(false);
        return found is null ? null : PortalMapper.ToState(found with { Token = null }, Organization, priorToken: null);
    }

    /// <summary>Every portal (all pages), optionally those whose name contains <paramref name="nameContains"/>
    /// (case-insensitive). No tokens.</summary>
    public async Task<IReadOnlyList<PortalState>> ListAsync(string? nameContains, TimeSpan? timeout, CancellationToken ct)
    {
        var all = await ListDtosAsync("listing", "*", timeout, ct).ConfigureAwait(false);
        return [.. all
            .Where(p => string.IsNullOrEmpty(nameContains) || p.Name.Contains(nameContains, StringComparison.OrdinalIgnoreCase))
            .Select(p => PortalMapper.ToState(p with { Token = null }, Organization, priorToken: null))];
    }

    private async Task<PortalDto?> FindByUuidAsync(string uuid, string action, string label, TimeSpan? timeout, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(uuid))
        {
            return null;
        }

        var all = await ListDtosAsync(action, label, timeout, ct).ConfigureAwait(false);
        return all.FirstOrDefault(p => string.Equals(p.Uuid, uuid, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<IReadOnlyList<PortalDto>> ListDtosAsync(string action, string label, TimeSpan? timeout, CancellationToken ct)
    {
        try
        {
            return await api.ListAsync(timeout, ct).ConfigureAwait(false);
        }
        catch (BuildkiteApiException ex)
        {
            throw new PortalOperationException(action, label, ex);
        }
    }

    /// <summary>After an ambiguous POST: the portal we asked for, if it exists. With a slug: GET it and
    /// check it carries our name and query (a pre-existing portal with that slug would have made the POST
    /// fail with 422 instead). Without one: the single portal whose every input equals ours.</summary>
    private async Task<PortalDto?> FindCreatedAsync(PortalInputs inputs, TimeSpan? timeout, CancellationToken ct)
    {
        var label = inputs.Slug ?? inputs.Name;
        try
        {
            if (inputs.Slug is { } slug)
            {
                try
                {
                    var dto = await api.GetAsync(slug, timeout, ct).ConfigureAwait(false);
                    return dto.Name == inputs.Name && dto.Query == inputs.Query ? dto : null;
                }
                catch (BuildkiteApiException ex) when (ex.IsNotFound)
                {
                    return null;
                }
            }

            var all = await api.ListAsync(timeout, ct).ConfigureAwait(false);
            var matches = all.Where(p => Matches(p, inputs)).ToList();
            return matches.Count switch
            {
                1 => matches[0],
                0 => null,
                _ => throw new PortalOperationException(
                    "creating", label, PortalFailure.Other,
                    $"the response was lost and {matches.Count} portals now match these inputs (slugs: {string.Join(", ", matches.Select(m => m.Slug))}); one of them may have been created by this run: import it (`pulumi import buildkite-portals:index:Portal <name> <slug>`) or delete it"),
            };
        }
        catch (BuildkiteApiException lookup)
        {
            throw new PortalOperationException(
                "creating", label, PortalOperationException.Classify(lookup),
                $"the response was lost and checking whether the portal was created failed too ({PortalOperationException.Describe(lookup)}); check the organization's portals before running again");
        }
    }

    private static bool Matches(PortalDto p, PortalInputs inputs) =>
        p.Name == inputs.Name && p.Query == inputs.Query && p.Description == inputs.Description
        && p.UserInvokable == inputs.EffectiveUserInvokable
        && PortalDiffer.SameAllowList(PortalMapper.SplitAllowList(p.AllowedIpAddresses), inputs.AllowedIpAddresses);
}
