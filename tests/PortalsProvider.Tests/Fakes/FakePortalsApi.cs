using System.Collections.Concurrent;
using System.Net;
using PortalsProvider.Buildkite;

namespace PortalsProvider.Tests.Fakes;

/// <summary>An in-memory <see cref="IPortalsApi"/> with a call journal and one-shot fault injection.</summary>
internal sealed class FakePortalsApi : IPortalsApi
{
    private readonly Lock gate = new();
    private readonly List<PortalDto> portals = [];
    private int counter;

    public ConcurrentQueue<string> Journal { get; } = new();

    /// <summary>Next call whose "METHOD slug" starts with the key fails with the exception (before acting,
    /// unless <see cref="FaultAfterActing"/>).</summary>
    public ConcurrentDictionary<string, BuildkiteApiException> Faults { get; } = new();

    /// <summary>Operations (by journal prefix) whose fault is raised after the change was applied.</summary>
    public ConcurrentDictionary<string, bool> FaultAfterActing { get; } = new();

    /// <summary>When set, every call waits on this before doing anything (for cancellation tests).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public IReadOnlyList<PortalDto> Portals
    {
        get
        {
            lock (gate)
            {
                return [.. portals];
            }
        }
    }

    public PortalDto Seed(string name, string slug, string query = "query { viewer { user { name } } }", string? allowed = null, bool userInvokable = false, string? description = null)
    {
        lock (gate)
        {
            var dto = NewDto(name, slug, query, description, allowed, userInvokable);
            portals.Add(dto);
            return dto;
        }
    }

    /// <summary>Out-of-band rename (as in the Buildkite UI).</summary>
    public void Rename(string slug, string newSlug)
    {
        lock (gate)
        {
            var i = portals.FindIndex(p => p.Slug == slug);
            portals[i] = portals[i] with { Slug = newSlug };
        }
    }

    public void Remove(string slug)
    {
        lock (gate)
        {
            portals.RemoveAll(p => p.Slug == slug);
        }
    }

    public static BuildkiteApiException Http(HttpStatusCode status, string method, string message) =>
        new(ApiFailureKind.HttpStatus, method, "/v2/organizations/acme/portals", status, message, $"{{\"message\":\"{message}\"}}", 1);

    public static BuildkiteApiException Transport(string method) =>
        new(ApiFailureKind.TransportAfterSend, method, "/v2/organizations/acme/portals", null, null, null, 1);

    public async Task<IReadOnlyList<PortalDto>> ListAsync(TimeSpan? timeout, CancellationToken ct)
    {
        await EnterAsync("GET *", ct);
        return Portals.Select(p => p with { Token = null }).ToList();
    }

    public async Task<PortalDto> GetAsync(string slug, TimeSpan? timeout, CancellationToken ct)
    {
        await EnterAsync($"GET {slug}", ct);
        lock (gate)
        {
            return (portals.FirstOrDefault(p => p.Slug == slug) ?? throw Http(HttpStatusCode.NotFound, "GET", "No portal found")) with { Token = null };
        }
    }

    public async Task<PortalDto> CreateAsync(PortalCreateRequest request, TimeSpan? timeout, CancellationToken ct)
    {
        var key = $"POST {request.Slug ?? request.Name}";
        var after = await EnterAsync(key, ct, deferFault: true);
        PortalDto created;
        lock (gate)
        {
            var slug = request.Slug ?? request.Name.ToLowerInvariant().Replace(' ', '-');
            if (portals.Any(p => p.Slug == slug))
            {
                throw Http(HttpStatusCode.UnprocessableEntity, "POST", "Validation failed: Slug has already been taken");
            }

            created = NewDto(request.Name, slug, request.Query, request.Description, request.AllowedIpAddresses, request.UserInvokable);
            portals.Add(created);
        }

        if (after is not null)
        {
            throw after;
        }

        return created;
    }

    public async Task<PortalDto> UpdateAsync(string slug, PortalUpdateRequest request, TimeSpan? timeout, CancellationToken ct)
    {
        await EnterAsync($"PUT {slug}", ct);
        lock (gate)
        {
            var i = portals.FindIndex(p => p.Slug == slug);
            if (i < 0)
            {
                throw Http(HttpStatusCode.NotFound, "PUT", "No portal found");
            }

            if (request.Slug != slug && portals.Any(p => p.Slug == request.Slug))
            {
                throw Http(HttpStatusCode.UnprocessableEntity, "PUT", "Validation failed: Slug has already been taken");
            }

            portals[i] = portals[i] with
            {
                Name = request.Name,
                Query = request.Query,
                Slug = request.Slug,
                Description = request.Description,
                AllowedIpAddresses = request.AllowedIpAddresses,
                UserInvokable = request.UserInvokable,
            };
            return portals[i] with { Token = null };
        }
    }

    public async Task DeleteAsync(string slug, TimeSpan? timeout, CancellationToken ct)
    {
        await EnterAsync($"DELETE {slug}", ct);
        lock (gate)
        {
            if (portals.RemoveAll(p => p.Slug == slug) == 0)
            {
                throw Http(HttpStatusCode.NotFound, "DELETE", "No portal found");
            }
        }
    }

    private async Task<BuildkiteApiException?> EnterAsync(string key, CancellationToken ct, bool deferFault = false)
    {
        Journal.Enqueue(key);
        if (Gate is { } g)
        {
            await g.Task.WaitAsync(ct);
        }

        ct.ThrowIfCancellationRequested();
        foreach (var (prefix, ex) in Faults)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && Faults.TryRemove(prefix, out _))
            {
                if (deferFault && FaultAfterActing.ContainsKey(prefix))
                {
                    return ex;
                }

                throw ex;
            }
        }

        return null;
    }

    private PortalDto NewDto(string name, string slug, string query, string? description, string? allowed, bool userInvokable)
    {
        var n = Interlocked.Increment(ref counter);
        return new PortalDto(
            Uuid: $"0190c0de-0000-7000-8000-{n:D12}",
            Slug: slug,
            OrganizationUuid: "0190c0de-aaaa-7000-8000-000000000001",
            Name: name,
            Description: description,
            Query: query,
            AllowedIpAddresses: allowed,
            UserInvokable: userInvokable,
            CreatedAt: "2026-12-04T16:00:00.123Z",
            CreatedBy: new CreatedByDto("0190c0de-bbbb-7000-8000-000000000001", "VXNlci0tLTE=", "Ada", "ada@example.com", "https://avatars.example/ada", "2020-01-01T00:00:00.000Z"),
            Token: $"bkpat_secret{n}");
    }
}
