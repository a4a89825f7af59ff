using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;

namespace PortalsApi.Emulator;

/// <summary>
/// A stateful, in-memory emulator of the Buildkite Portals REST API, served by Kestrel on 127.0.0.1.
/// <code>
/// await using var emu = await PortalsEmulator.StartAsync(new EmulatorOptions { Token = "t", Organization = "acme" }, ct);
/// var http = emu.CreateClient();                       // BaseAddress + Authorization: Bearer t
/// await http.GetAsync("/v2/organizations/acme/portals", ct);
/// </code>
/// </summary>
public sealed class PortalsEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly RateLimiter _limiter;
    private readonly RateLimiter? _userLimiter;
    private int _disposed;

    private PortalsEmulator(
        EmulatorOptions options,
        WebApplication app,
        EmulatorState state,
        RateLimiter limiter,
        RateLimiter? userLimiter,
        CancellationTokenSource stopping)
    {
        _userLimiter = userLimiter;
        Options = options;
        _app = app;
        State = state;
        _limiter = limiter;
        _stopping = stopping;
        Organizations = [.. options.AdditionalOrganizations.Prepend(options.Organization).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Base URL without trailing path, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The options the emulator was started with.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>Served organization slugs, <see cref="EmulatorOptions.Organization"/> first.</summary>
    public IReadOnlyList<string> Organizations { get; }

    /// <summary>Fault injection rules.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>Every REST request received (not the control plane), including those answered by faults.</summary>
    public RequestJournal Journal { get; } = new();

    internal EmulatorState State { get; }

    /// <summary>Starts Kestrel on 127.0.0.1 (port <see cref="EmulatorOptions.Port"/>, 0 = free port) and returns once it listens.</summary>
    public static async Task<PortalsEmulator> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Token);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Organization);
        if (options.RateLimitPerMinute is < 1 || options.UserRateLimitPerMinute is < 1)
        {
            throw new ArgumentException("Rate limits must be at least 1 (or null for no limit).", nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PortalsEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });

        // The emulator is configured by EmulatorOptions alone: no appsettings.json or ASPNETCORE_* variable of the
        // process that hosts it (a test runner, a provider) may add endpoints or change its behaviour.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Logging.ClearProviders();
        if (options.Logging)
        {
            // stderr only: stdout belongs to the standalone host's base-URL line (and to the test runner in-process).
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Services.AddSingleton<IHostLifetime, InProcessLifetime>();
        var app = builder.Build();

        var state = new EmulatorState(options);
        var limiter = new RateLimiter(options.RateLimitPerMinute, options.TimeProvider);
        var userLimiter = options.UserRateLimitPerMinute is null ? null : new RateLimiter(options.UserRateLimitPerMinute, options.TimeProvider);
        var stopping = new CancellationTokenSource();
        var emulator = new PortalsEmulator(options, app, state, limiter, userLimiter, stopping);
        var middleware = new EmulatorMiddleware(
            emulator.Faults, emulator.Journal, limiter, userLimiter, options.RateLimitPerMinute, options.TimeProvider, stopping.Token);
        app.Use(middleware.InvokeAsync);
        new ControlPlaneEndpoints(emulator).Map(app);
        new PortalEndpoints(state).Map(app);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            stopping.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        emulator.BaseUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        return emulator;
    }

    /// <summary>A snapshot of an organization's portals in creation order, tokens included.</summary>
    /// <exception cref="ArgumentException">The organization is not served.</exception>
    public IReadOnlyList<EmulatedPortal> Portals(string organization) =>
        State.List(organization) ?? throw new ArgumentException($"The emulator does not serve organization '{organization}'.", nameof(organization));

    /// <summary>Adds portals directly, validated like a <c>POST</c>, and returns them as stored.</summary>
    /// <exception cref="ArgumentException">The organization is not served, or a portal is invalid (message as the API's 422); earlier ones stay.</exception>
    public IReadOnlyList<EmulatedPortal> Seed(string organization, params IEnumerable<PortalSeed> portals)
    {
        ArgumentNullException.ThrowIfNull(portals);
        _ = Portals(organization);
        var created = new List<EmulatedPortal>();
        foreach (var seed in portals)
        {
            var outcome = State.Create(organization, PortalChanges.FromSeed(seed), seed.Token);
            created.Add(outcome.Portal ?? throw new ArgumentException(outcome.Message, nameof(portals)));
        }

        return created;
    }

    /// <summary>Adds <paramref name="count"/> portals named <c>Portal 1</c>, <c>Portal 2</c>, … after the existing ones (slugs <c>portal-1</c>, …).</summary>
    public IReadOnlyList<EmulatedPortal> Seed(string organization, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var offset = Portals(organization).Count;
        return Seed(organization, Enumerable.Range(offset + 1, count).Select(i => new PortalSeed
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"Portal {i}"),
        }));
    }

    /// <summary>Deletes every portal, journal entry, fault rule (releasing held requests) and rate-limit window.</summary>
    public void Reset()
    {
        State.Clear();
        Journal.Clear();
        Faults.Clear();
        _limiter.Reset();
        _userLimiter?.Reset();
    }

    /// <summary>An <see cref="HttpClient"/> with <see cref="BaseUrl"/> and <c>Authorization: Bearer</c> (default: <see cref="EmulatorOptions.Token"/>; empty string: none).</summary>
    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseUrl };
        token ??= Options.Token;
        if (token.Length > 0)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Releases held requests and stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        Faults.Clear();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
