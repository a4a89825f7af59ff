using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PortalsApi.Emulator;

/// <summary>Unauthenticated endpoints under <c>/__emulator/</c> for out-of-process use (see README.md).</summary>
internal sealed class ControlPlaneEndpoints(PortalsEmulator emulator)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(EmulatorMiddleware.ControlPlanePrefix);
        group.MapGet("/", Info);
        group.MapGet("/portals", (string? org) => ListPortals(org));
        group.MapPost("/portals", SeedAsync);
        group.MapGet("/journal", () => ApiResults.Json(200, new JsonArray([.. emulator.Journal.Entries.Select(e => (JsonNode)ControlPlaneJson.Entry(e))])));
        group.MapDelete("/journal", () =>
        {
            emulator.Journal.Clear();
            return Results.NoContent();
        });
        group.MapGet("/faults", () => ApiResults.Json(200, new JsonArray([.. emulator.Faults.Rules.Select(h => (JsonNode)ControlPlaneJson.Fault(h))])));
        group.MapPost("/faults", (Delegate)((HttpContext context) => AddFaultAsync(context)));
        group.MapDelete("/faults", () =>
        {
            emulator.Faults.Clear();
            return Results.NoContent();
        });
        group.MapDelete("/faults/{id}", (string id) => WithFault(id, h => h.Remove()));
        group.MapPost("/faults/{id}/release", (string id) => WithFault(id, h => h.Release()));
        group.MapPost("/reset", () =>
        {
            emulator.Reset();
            return Results.NoContent();
        });
    }

    private IResult Info() => ApiResults.Json(200, new JsonObject
    {
        ["base_url"] = emulator.BaseUrl.ToString().TrimEnd('/'),
        ["organizations"] = new JsonArray([.. emulator.Organizations.Select(o => (JsonNode)o)]),
    });

    private IResult ListPortals(string? org)
    {
        org ??= emulator.Organizations[0];
        return emulator.State.List(org) is { } portals
            ? ApiResults.Json(200, PortalJson.StoredPortals(portals))
            : ApiResults.Message(404, "No organization found");
    }

    private async Task<IResult> SeedAsync(HttpContext context, string? org, int? count)
    {
        org ??= emulator.Organizations[0];
        if (!emulator.State.HasOrganization(org))
        {
            return ApiResults.Message(404, "No organization found");
        }

        try
        {
            var seeds = new List<PortalSeed>();
            var node = await ReadJsonAsync(context);
            switch (node)
            {
                case null:
                    break;
                case JsonObject single:
                    seeds.Add(ControlPlaneJson.ParseSeed(single));
                    break;
                case JsonArray many:
                    seeds.AddRange(many.Select(n => ControlPlaneJson.ParseSeed(n as JsonObject ?? throw new ArgumentException("Each portal must be a JSON object."))));
                    break;
                default:
                    return ApiResults.Message(400, "The body must be a portal object or an array of them.");
            }

            return Seed(org, seeds, count);
        }
        catch (Exception e) when (e is ArgumentException or JsonException or InvalidOperationException or FormatException)
        {
            return ApiResults.Message(400, e.Message);
        }
    }

    private IResult Seed(string org, List<PortalSeed> seeds, int? count)
    {
        try
        {
            var created = new List<EmulatedPortal>(emulator.Seed(org, seeds));
            if (count is { } n)
            {
                created.AddRange(emulator.Seed(org, n));
            }

            return ApiResults.Json(201, PortalJson.StoredPortals(created));
        }
        catch (ArgumentException e)
        {
            return ApiResults.Message(422, e.Message);
        }
    }

    private async Task<IResult> AddFaultAsync(HttpContext context)
    {
        try
        {
            if (await ReadJsonAsync(context) is not JsonObject json)
            {
                return ApiResults.Message(400, "The body must be a JSON object describing one fault rule.");
            }

            var handle = emulator.Faults.Add(ControlPlaneJson.ParseFault(json));
            return ApiResults.Json(201, ControlPlaneJson.Fault(handle));
        }
        catch (Exception e) when (e is ArgumentException or JsonException or InvalidOperationException or FormatException)
        {
            return ApiResults.Message(400, e.Message);
        }
    }

    private IResult WithFault(string id, Action<FaultHandle> action)
    {
        if (emulator.Faults.Find(id) is not { } handle)
        {
            return ApiResults.Message(404, string.Create(CultureInfo.InvariantCulture, $"No fault rule {id}"));
        }

        action(handle);
        return Results.NoContent();
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }
}
