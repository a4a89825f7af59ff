using System.Security.Cryptography;

namespace PortalsApi.Emulator;

/// <summary>The emulator's data: organizations, their portals and the accepted tokens. Thread-safe.</summary>
internal sealed class EmulatorState
{
    private const string TokenAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, OrganizationState> _organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlySet<string>> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly EmulatedUser _user;
    private readonly bool _regenerateSlug;

    public EmulatorState(EmulatorOptions options)
    {
        _time = options.TimeProvider;
        _user = options.User;
        _regenerateSlug = options.RegenerateSlugOnNameChange;
        foreach (var slug in options.AdditionalOrganizations.Prepend(options.Organization))
        {
            _organizations.TryAdd(slug, new OrganizationState(slug, Guid.NewGuid().ToString()));
        }

        _tokens[options.Token] = new HashSet<string>(options.Scopes ?? EmulatorOptions.AllScopes, StringComparer.Ordinal);
        foreach (var (token, scopes) in options.Tokens)
        {
            _tokens[token] = new HashSet<string>(scopes, StringComparer.Ordinal);
        }
    }

    public string DefaultOrganization => _organizations.Keys.First();

    /// <summary>The scopes of an accepted token, or <c>null</c> when the token is unknown.</summary>
    public IReadOnlySet<string>? ScopesOf(string token) => _tokens.GetValueOrDefault(token);

    public bool HasOrganization(string organization) => _organizations.ContainsKey(organization);

    public IReadOnlyList<EmulatedPortal>? List(string organization)
    {
        lock (_gate)
        {
            return _organizations.TryGetValue(organization, out var org) ? [.. org.Portals] : null;
        }
    }

    public EmulatedPortal? Find(string organization, string slug)
    {
        lock (_gate)
        {
            var org = _organizations[organization];
            var index = org.IndexOf(slug);
            return index < 0 ? null : org.Portals[index];
        }
    }

    public StoreOutcome Create(string organization, PortalChanges changes, string? token = null)
    {
        lock (_gate)
        {
            var org = _organizations[organization];
            var problems = new List<string>();
            var name = changes.Name;
            var nameOk = CheckRequired("name", "Name", changes.InvalidFields, name, problems);
            var slug = CheckCreateSlug(org, changes, nameOk ? name! : null, problems);
            CheckRequired("query", "Query", changes.InvalidFields, changes.Query, problems);
            CheckOptional(changes, problems);
            if (problems.Count > 0)
            {
                return StoreOutcome.Invalid(problems);
            }

            var now = _time.GetUtcNow();
            var portal = new EmulatedPortal
            {
                Uuid = Guid.CreateVersion7(now).ToString(),
                Slug = slug!,
                Organization = org.Slug,
                OrganizationUuid = org.Uuid,
                Name = name!,
                Description = changes.Description,
                Query = changes.Query!,
                AllowedIpAddresses = changes.AllowedIpAddresses,
                UserInvokable = changes.UserInvokable ?? false,
                CreatedAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero),
                CreatedBy = _user,
                Token = token ?? "bkpat_" + RandomNumberGenerator.GetString(TokenAlphabet, 40),
            };
            org.Portals.Add(portal);
            return StoreOutcome.Ok(portal, 201);
        }
    }

    public StoreOutcome Update(string organization, string slug, PortalChanges changes)
    {
        lock (_gate)
        {
            var org = _organizations[organization];
            var index = org.IndexOf(slug);
            if (index < 0)
            {
                return StoreOutcome.NotFound;
            }

            var current = org.Portals[index];
            var problems = new List<string>();
            if (changes.HasName)
            {
                CheckRequired("name", "Name", changes.InvalidFields, changes.Name, problems);
            }

            var newSlug = current.Slug;
            if (changes.InvalidFields.Contains("slug"))
            {
                problems.Add("Slug is invalid");
            }
            else if (changes.HasSlug && !string.IsNullOrWhiteSpace(changes.Slug))
            {
                newSlug = changes.Slug;
                CheckExplicitSlug(org, newSlug, current, problems);
            }
            else if (_regenerateSlug && changes.HasName && !string.IsNullOrWhiteSpace(changes.Name) && changes.Name != current.Name)
            {
                // Opt-in model of the pipelines behaviour (a renamed pipeline gets a new slug); otherwise an absent,
                // null or blank slug keeps the current one.
                newSlug = PortalRules.DeriveSlug(changes.Name);
                if (newSlug.Length == 0)
                {
                    problems.Add("Slug can't be blank");
                }
                else
                {
                    CheckExplicitSlug(org, newSlug, current, problems);
                }
            }

            if (changes.HasQuery)
            {
                CheckRequired("query", "Query", changes.InvalidFields, changes.Query, problems);
            }

            CheckOptional(changes, problems);
            if (problems.Count > 0)
            {
                return StoreOutcome.Invalid(problems);
            }

            var updated = current with
            {
                Name = changes.HasName ? changes.Name! : current.Name,
                Slug = newSlug,
                Query = changes.HasQuery ? changes.Query! : current.Query,
                Description = changes.HasDescription ? changes.Description : current.Description,
                AllowedIpAddresses = changes.HasAllowedIpAddresses ? changes.AllowedIpAddresses : current.AllowedIpAddresses,
                UserInvokable = changes.HasUserInvokable ? changes.UserInvokable!.Value : current.UserInvokable,
            };
            org.Portals[index] = updated;
            return StoreOutcome.Ok(updated, 200);
        }
    }

    public bool Delete(string organization, string slug)
    {
        lock (_gate)
        {
            var org = _organizations[organization];
            var index = org.IndexOf(slug);
            if (index < 0)
            {
                return false;
            }

            org.Portals.RemoveAt(index);
            return true;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            foreach (var org in _organizations.Values)
            {
                org.Portals.Clear();
            }
        }
    }

    private static bool CheckRequired(string field, string label, IReadOnlySet<string> invalid, string? value, List<string> problems)
    {
        if (invalid.Contains(field))
        {
            problems.Add(label + " is invalid");
            return false;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(label + " can't be blank");
            return false;
        }

        return true;
    }

    private static string? CheckCreateSlug(OrganizationState org, PortalChanges changes, string? validName, List<string> problems)
    {
        if (changes.InvalidFields.Contains("slug"))
        {
            problems.Add("Slug is invalid");
            return null;
        }

        if (changes.HasSlug && !string.IsNullOrWhiteSpace(changes.Slug))
        {
            return CheckExplicitSlug(org, changes.Slug, null, problems) ? changes.Slug : null;
        }

        if (validName is null)
        {
            // "Name can't be blank" already says it; the API would not add a second message for the derived slug.
            return null;
        }

        var derived = PortalRules.DeriveSlug(validName);
        if (derived.Length == 0)
        {
            problems.Add("Slug can't be blank");
            return null;
        }

        if (org.IndexOf(derived) >= 0)
        {
            problems.Add("Slug has already been taken");
            return null;
        }

        return derived;
    }

    private static bool CheckExplicitSlug(OrganizationState org, string slug, EmulatedPortal? self, List<string> problems)
    {
        if (slug.Length > PortalRules.MaxSlugLength)
        {
            problems.Add($"Slug is too long (maximum is {PortalRules.MaxSlugLength} characters)");
            return false;
        }

        if (!PortalRules.IsValidSlug(slug))
        {
            problems.Add("Slug is invalid");
            return false;
        }

        var index = org.IndexOf(slug);
        if (index >= 0 && !ReferenceEquals(org.Portals[index], self))
        {
            problems.Add("Slug has already been taken");
            return false;
        }

        return true;
    }

    private static void CheckOptional(PortalChanges changes, List<string> problems)
    {
        if (changes.InvalidFields.Contains("description"))
        {
            problems.Add("Description is invalid");
        }

        if (changes.InvalidFields.Contains("allowed_ip_addresses"))
        {
            problems.Add("Allowed ip addresses is invalid");
        }
        else if (changes.AllowedIpAddresses is { } allowList)
        {
            problems.AddRange(PortalRules.InvalidIpEntries(allowList)
                .Select(entry => $"Allowed ip addresses contains an invalid IP address or CIDR block: {entry}"));
        }

        if (changes.InvalidFields.Contains("user_invokable"))
        {
            problems.Add("User invokable is not included in the list");
        }
    }
}
