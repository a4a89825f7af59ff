using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PortalsApi.Emulator;
using PortalsProvider.Portals;
using PortalsProvider.Protos.Rpc;
using PortalsProvider.Pulumi;
using PortalsProvider.Tests.Pulumi;
using Pulumirpc;

namespace PortalsProvider.Tests.Reliability;

/// <summary>
/// Runs one (operation × fault) case through the gRPC surface against the emulator and checks the invariants that
/// must hold whatever the outcome: success or a clear error (action, portal, cause; never UNKNOWN/INTERNAL), no
/// orphan (a portal that exists but the provider did not report), no duplicate, tokens kept and always secret.
/// Shared by the matrix, the leak scan and the out-of-process runs.
/// </summary>
internal static class FaultMatrix
{
    /// <summary>The operation timeout given in every request: ample for one announced 1 s wait on a loaded machine, short
    /// enough that the storm (10 s reset) and the latency fault end quickly.</summary>
    public const double TimeoutSeconds = 5;

    public const string Query = "query Viewer { viewer { user { name } } }";

    public static readonly TimeSpan StormReset = TimeSpan.FromSeconds(10);

    public static IEnumerable<(MatrixOperation Operation, MatrixFault Fault)> AllCases =>
        from op in System.Enum.GetValues<MatrixOperation>()
        from fault in System.Enum.GetValues<MatrixFault>()
        select (op, fault);

    public static string Method(MatrixOperation op) => op switch
    {
        MatrixOperation.Create or MatrixOperation.CreateDerivedSlug => "POST",
        MatrixOperation.Update or MatrixOperation.Rename => "PUT",
        MatrixOperation.Delete => "DELETE",
        _ => "GET",
    };

    /// <summary>The emulator rule for a fault on the operation's method; null for the baseline.</summary>
    public static FaultRule? Rule(MatrixFault fault, string method) => fault switch
    {
        MatrixFault.None => null,
        MatrixFault.RateLimited => new FaultRule { Kind = FaultKind.RateLimit, Method = method, Count = 1, ResetSeconds = 1 },

        // Every request, every method: a storm does not spare the lookups.
        MatrixFault.RateLimitStorm => new FaultRule { Kind = FaultKind.RateLimit, ResetSeconds = (int)StormReset.TotalSeconds },
        MatrixFault.Http500 => new FaultRule { Kind = FaultKind.ServerError, Method = method, Count = 1, Status = 500 },
        MatrixFault.Http502 => new FaultRule { Kind = FaultKind.ServerError, Method = method, Count = 1, Status = 502 },
        MatrixFault.Http503 => new FaultRule { Kind = FaultKind.ServerError, Method = method, Count = 1, Status = 503 },
        MatrixFault.Http504 => new FaultRule { Kind = FaultKind.ServerError, Method = method, Count = 1, Status = 504 },
        MatrixFault.ResetBeforeActing => new FaultRule { Kind = FaultKind.AbortBeforeActing, Method = method, Count = 1 },
        MatrixFault.ResetAfterActing => new FaultRule { Kind = FaultKind.AbortAfterActing, Method = method, Count = 1 },
        MatrixFault.Latency => new FaultRule { Kind = FaultKind.Delay, Method = method, Count = 1, Delay = TimeSpan.FromSeconds(60) },
        MatrixFault.TruncatedJson => new FaultRule { Kind = FaultKind.TruncatedJson, Method = method, Count = 1 },
        MatrixFault.NonJson200 => new FaultRule { Kind = FaultKind.NonJson, Method = method, Count = 1 },
        MatrixFault.Http401 => new FaultRule { Kind = FaultKind.Status, Method = method, Count = 1, Status = 401 },
        MatrixFault.Http403 => new FaultRule { Kind = FaultKind.Status, Method = method, Count = 1, Status = 403 },
        MatrixFault.Http404 => new FaultRule { Kind = FaultKind.Status, Method = method, Count = 1, Status = 404 },
        MatrixFault.Http422 => new FaultRule
        {
            Kind = FaultKind.Status, Method = method, Count = 1, Status = 422,
            Message = "Validation failed: Name can't be blank, Slug has already been taken",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    /// <summary>What a user should see, decided per case from the contract (not from a previous run).</summary>
    public static (CaseOutcome Outcome, StatusCode Code) Expected(MatrixOperation op, MatrixFault fault)
    {
        var create = op is MatrixOperation.Create or MatrixOperation.CreateDerivedSlug;
        var ok = (CaseOutcome.Success, StatusCode.OK);
        (CaseOutcome, StatusCode) Err(StatusCode c) => (CaseOutcome.Error, c);
        return fault switch
        {
            MatrixFault.None or MatrixFault.RateLimited => ok,
            MatrixFault.RateLimitStorm or MatrixFault.Latency => Err(StatusCode.DeadlineExceeded),

            // A POST is not repeated after a 5xx or a reset: the lookup finds nothing, so the error stands.
            MatrixFault.Http500 or MatrixFault.Http502 or MatrixFault.Http503 or MatrixFault.Http504 or MatrixFault.ResetBeforeActing
                => create ? Err(StatusCode.Unavailable) : ok,
            MatrixFault.ResetAfterActing => create ? (CaseOutcome.PartialFailure, StatusCode.Aborted) : ok,

            // Acted, answer unreadable: the created portal is found and kept; a GET/PUT answer can't be trusted.
            MatrixFault.TruncatedJson => create ? (CaseOutcome.PartialFailure, StatusCode.Aborted)
                : op == MatrixOperation.Delete ? ok : Err(StatusCode.FailedPrecondition),

            // Did not act, answer unreadable: nothing was created; a DELETE must not count as done.
            MatrixFault.NonJson200 => Err(StatusCode.FailedPrecondition),
            MatrixFault.Http401 => Err(StatusCode.Unauthenticated),
            MatrixFault.Http403 => Err(StatusCode.PermissionDenied),

            // The slug GET/PUT/DELETE 404 sends the provider to the list, where the UUID is found.
            MatrixFault.Http404 => op switch
            {
                MatrixOperation.Create or MatrixOperation.CreateDerivedSlug => Err(StatusCode.NotFound),
                MatrixOperation.Import => (CaseOutcome.NotFound, StatusCode.OK),
                _ => ok,
            },
            MatrixFault.Http422 => Err(StatusCode.InvalidArgument),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };
    }

    /// <summary>Runs the case; <paramref name="transcript"/> receives every message and error detail the user
    /// could see. Throws (xunit assertions) when an invariant is broken.</summary>
    public static async Task<CaseResult> RunAsync(
        ResourceProvider.ResourceProviderClient client, PortalsEmulator emulator, MatrixOperation op, MatrixFault fault, int n, Action<string> transcript)
    {
        emulator.Reset();
        var org = EmulatorHost.Organization;
        var slug = $"matrix-{n}";
        var inputs = Inputs(op == MatrixOperation.CreateDerivedSlug ? null : slug, n, "before");
        Existing? existing = null;
        if (op is not (MatrixOperation.Create or MatrixOperation.CreateDerivedSlug))
        {
            existing = await SetupAsync(client, inputs);
        }

        emulator.Journal.Clear();
        if (Rule(fault, Method(op)) is { } rule)
        {
            emulator.Faults.Add(rule);
        }

        var news = op switch
        {
            MatrixOperation.Update => Inputs(slug, n, "after"),
            MatrixOperation.Rename => Inputs(slug + "-renamed", n, "after"),
            _ => inputs,
        };
        var label = op == MatrixOperation.CreateDerivedSlug ? $"Matrix Portal {n}" : slug;
        CaseOutcome outcome;
        var code = StatusCode.OK;
        var message = string.Empty;
        string? id = null;
        PValue.Object? outputs = null;
        ErrorResourceInitFailed? initFailed = null;
        try
        {
            switch (op)
            {
                case MatrixOperation.Create or MatrixOperation.CreateDerivedSlug:
                    var created = await client.CreateAsync(new CreateRequest { Urn = ProviderHarness.Urn, Properties = St(inputs), Timeout = TimeoutSeconds });
                    (id, outputs) = (created.Id, Pv(created.Properties));
                    break;
                case MatrixOperation.Read:
                    var read = await client.ReadAsync(new ReadRequest { Id = existing!.Uuid, Urn = ProviderHarness.Urn, Properties = existing.State, Inputs = St(inputs), Timeout = TimeoutSeconds });
                    (id, outputs) = (read.Id, read.Properties is null ? null : Pv(read.Properties));
                    break;
                case MatrixOperation.Import:
                    var imported = await client.ReadAsync(new ReadRequest { Id = slug, Urn = ProviderHarness.Urn, Timeout = TimeoutSeconds });
                    (id, outputs) = (imported.Id, imported.Properties is null ? null : Pv(imported.Properties));
                    break;
                case MatrixOperation.Update or MatrixOperation.Rename:
                    var updated = await client.UpdateAsync(new UpdateRequest
                    {
                        Id = existing!.Uuid, Urn = ProviderHarness.Urn, Olds = existing.State, OldInputs = St(inputs), News = St(news), Timeout = TimeoutSeconds,
                    });
                    (id, outputs) = (existing.Uuid, Pv(updated.Properties));
                    break;
                case MatrixOperation.Delete:
                    await client.DeleteAsync(new DeleteRequest { Id = existing!.Uuid, Urn = ProviderHarness.Urn, Properties = existing.State, OldInputs = St(inputs), Timeout = TimeoutSeconds });
                    break;
            }

            outcome = string.IsNullOrEmpty(id) && op is MatrixOperation.Read or MatrixOperation.Import ? CaseOutcome.NotFound : CaseOutcome.Success;
        }
        catch (RpcException ex)
        {
            code = ex.StatusCode;
            message = ex.Status.Detail;
            Record(ex, transcript);
            initFailed = InitFailed(ex);
            outcome = initFailed is null ? CaseOutcome.Error : CaseOutcome.PartialFailure;
        }
        finally
        {
            emulator.Faults.Clear();
        }

        if (fault == MatrixFault.Latency)
        {
            // The held request is journaled when the emulator notices the client gave up: wait for it, so the count
            // is this case's and the entry cannot land in the next case's journal.
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await emulator.Journal.WaitForAsync(e => e.Fault == FaultKind.Delay, cts.Token);
        }

        var requests = emulator.Journal.Entries.Count;
        var portals = emulator.Portals(org);
        if (outcome is CaseOutcome.Error or CaseOutcome.PartialFailure)
        {
            // A clear error: a specific code the engine understands, naming the action, the portal and the cause.
            Assert.DoesNotContain(code, new[] { StatusCode.Unknown, StatusCode.Internal, StatusCode.DataLoss, StatusCode.OK });
            Assert.Contains(Action(op), message, StringComparison.Ordinal);
            Assert.Contains($"\"{label}\"", message, StringComparison.Ordinal);
            Assert.True(CauseHints(fault).Any(h => message.Contains(h, StringComparison.OrdinalIgnoreCase)), $"the message does not name the cause ({string.Join(" / ", CauseHints(fault))}): {message}");
            Assert.DoesNotContain('\n', message);
            if (fault == MatrixFault.RateLimitStorm)
            {
                // Every answer was a 429: the API provably did nothing, so no "the response was lost" story.
                Assert.DoesNotContain("was lost", message, StringComparison.Ordinal);
            }
        }

        // At most one portal ever reached the API's store by this case (no duplicate from a repeated POST).
        Assert.True(portals.Count <= 1, $"{portals.Count} portals exist after {op} under {fault}: {string.Join(", ", portals.Select(p => p.Slug))}");
        Assert.True(emulator.Journal.Entries.Count(e => e.Method == "POST" && e.Status == 201) <= 1, "a POST was carried out twice");

        if (op is MatrixOperation.Create or MatrixOperation.CreateDerivedSlug && fault is not (MatrixFault.None or MatrixFault.RateLimited or MatrixFault.RateLimitStorm))
        {
            // After a POST whose effect is unknown, never a second POST; the portal is looked up first, whenever the
            // server may have acted (Latency, resets, 5xx, unreadable 2xx).
            var journal = emulator.Journal.Entries.OrderBy(e => e.Sequence).ToList();
            Assert.Equal(1, journal.Count(e => e.Method == "POST"));
            if (fault is not (MatrixFault.Http401 or MatrixFault.Http403 or MatrixFault.Http404 or MatrixFault.Http422))
            {
                Assert.Equal("GET", Assert.Single(journal.SkipWhile(e => e.Method == "POST")).Method);
            }
        }

        switch (op)
        {
            case MatrixOperation.Create or MatrixOperation.CreateDerivedSlug:
                switch (outcome)
                {
                    case CaseOutcome.Success:
                        var portal = Assert.Single(portals);
                        Assert.Equal(portal.Uuid, id);
                        Assert.Equal(new PValue.Secret(new PValue.Str(portal.Token)), outputs!["token"]);
                        Assert.Equal(new PValue.Str(portal.Slug), outputs["slug"]);
                        break;
                    case CaseOutcome.PartialFailure:
                        // Created but the answer was lost: the ID goes to state, the user learns how to get a token.
                        Assert.Equal(StatusCode.Aborted, code);
                        Assert.Equal(Assert.Single(portals).Uuid, initFailed!.Id);
                        Assert.Contains($"pulumi up --replace {ProviderHarness.Urn}", message, StringComparison.Ordinal);
                        Assert.False(initFailed.Properties.Fields.ContainsKey("token"));
                        break;
                    default:
                        Assert.Empty(portals); // an error means nothing was created: no orphan
                        break;
                }

                break;
            case MatrixOperation.Read or MatrixOperation.Import:
                var unchanged = Assert.Single(portals);
                Assert.Equal(existing!.Uuid, unchanged.Uuid);
                Assert.Equal("before", unchanged.Description);
                if (outcome == CaseOutcome.Success)
                {
                    Assert.Equal(existing.Uuid, id);
                    Assert.Equal(new PValue.Str(slug), outputs!["slug"]);
                    if (op == MatrixOperation.Read)
                    {
                        Assert.Equal(new PValue.Secret(new PValue.Str(existing.Token)), outputs["token"]); // never lost on refresh
                    }
                    else
                    {
                        Assert.True(outputs["token"] is null or PValue.Null or PValue.Secret);
                    }
                }

                Assert.True(outcome != CaseOutcome.NotFound || (op == MatrixOperation.Import && fault == MatrixFault.Http404), "an existing portal was reported gone");
                break;
            case MatrixOperation.Update or MatrixOperation.Rename:
                var target = Assert.Single(portals);
                Assert.Equal(existing!.Uuid, target.Uuid);
                if (outcome == CaseOutcome.Success)
                {
                    Assert.Equal("after", target.Description);
                    Assert.Equal(op == MatrixOperation.Rename ? slug + "-renamed" : slug, target.Slug);
                    Assert.Equal(new PValue.Str(target.Slug), outputs!["slug"]);
                    Assert.Equal(new PValue.Secret(new PValue.Str(existing.Token)), outputs["token"]); // carried forward
                }

                break;
            case MatrixOperation.Delete:
                if (outcome == CaseOutcome.Success)
                {
                    Assert.Empty(portals);
                }
                else
                {
                    Assert.Equal(existing!.Uuid, Assert.Single(portals).Uuid); // still there, still in state
                }

                break;
        }

        return new CaseResult(op, fault, outcome, code, message, requests);
    }

    /// <summary>Everything an RpcException can show: message, detail, and the decoded status details.</summary>
    public static void Record(RpcException ex, Action<string> transcript)
    {
        transcript(ex.Message);
        transcript(ex.Status.Detail);
        transcript(ex.ToString());
        foreach (var entry in ex.Trailers)
        {
            transcript(entry.IsBinary ? Encoding.UTF8.GetString(entry.ValueBytes) : entry.Value);
        }

        if (ex.Trailers.GetValueBytes(RpcErrors.DetailsTrailer) is { } bytes)
        {
            var status = RpcStatus.Parser.ParseFrom(bytes);
            transcript(status.ToString());
            foreach (var d in status.Details)
            {
                if (d.Is(ErrorResourceInitFailed.Descriptor))
                {
                    transcript(d.Unpack<ErrorResourceInitFailed>().ToString());
                }
            }
        }
    }

    public static ErrorResourceInitFailed? InitFailed(RpcException ex) =>
        ex.Trailers.GetValueBytes(RpcErrors.DetailsTrailer) is { } bytes
            ? RpcStatus.Parser.ParseFrom(bytes).Details.FirstOrDefault(d => d.Is(ErrorResourceInitFailed.Descriptor))?.Unpack<ErrorResourceInitFailed>()
            : null;

    public static PValue.Object Inputs(string? slug, int n, string description)
    {
        var fields = new List<KeyValuePair<string, PValue>>
        {
            new("name", new PValue.Str($"Matrix Portal {n}")),
            new("query", new PValue.Str(Query)),
            new("description", new PValue.Str(description)),
            new("allowedIpAddresses", new PValue.List([new PValue.Str("192.0.2.0/24")])),
        };
        if (slug is not null)
        {
            fields.Add(new("slug", new PValue.Str(slug)));
        }

        return PValue.Object.From(fields);
    }

    private static string Action(MatrixOperation op) => op switch
    {
        MatrixOperation.Create or MatrixOperation.CreateDerivedSlug => "creating",
        MatrixOperation.Read => "reading",
        MatrixOperation.Import => "importing",
        MatrixOperation.Update or MatrixOperation.Rename => "updating",
        _ => "deleting",
    };

    private static string[] CauseHints(MatrixFault fault) => fault switch
    {
        MatrixFault.RateLimitStorm => ["429"],
        MatrixFault.Http500 => ["500"],
        MatrixFault.Http502 => ["502"],
        MatrixFault.Http503 => ["503"],
        MatrixFault.Http504 => ["504"],
        MatrixFault.ResetBeforeActing or MatrixFault.ResetAfterActing => ["connection"],
        MatrixFault.Latency => ["timed out", "timeout"],
        MatrixFault.TruncatedJson or MatrixFault.NonJson200 => ["unreadable", "not the expected JSON"],
        MatrixFault.Http401 => ["401"],
        MatrixFault.Http403 => ["403"],
        MatrixFault.Http404 => ["404"],
        MatrixFault.Http422 => ["Validation failed"],
        _ => ["(no fault: no error expected)"],
    };

    private static async Task<Existing> SetupAsync(ResourceProvider.ResourceProviderClient client, PValue.Object inputs)
    {
        var created = await client.CreateAsync(new CreateRequest { Urn = ProviderHarness.Urn, Properties = St(inputs), Timeout = TimeoutSeconds });
        var token = Pv(created.Properties)["token"] is PValue.Secret { Inner: PValue.Str t } ? t.Value : throw new InvalidOperationException("setup: no token");
        return new Existing(created.Id, created.Properties, token);
    }

    private static Struct St(PValue.Object o) => ProviderHarness.ToStruct(o);

    private static PValue.Object Pv(Struct s) => ProviderHarness.FromStruct(s);

    private sealed record Existing(string Uuid, Struct State, string Token);
}
