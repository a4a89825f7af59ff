using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PortalsApi.Emulator;

/// <summary>JSON shapes of the REST API (snake_case, every field present, <c>null</c> when unset).</summary>
internal static class PortalJson
{
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Portal(EmulatedPortal portal, bool includeToken)
    {
        var json = new JsonObject
        {
            ["uuid"] = portal.Uuid,
            ["slug"] = portal.Slug,
            ["organization_uuid"] = portal.OrganizationUuid,
            ["name"] = portal.Name,
            ["description"] = portal.Description,
            ["query"] = portal.Query,
            ["allowed_ip_addresses"] = portal.AllowedIpAddresses,
            ["user_invokable"] = portal.UserInvokable,
            ["created_at"] = portal.CreatedAtText,
            ["created_by"] = User(portal.CreatedBy),
        };
        if (includeToken)
        {
            json["token"] = portal.Token;
        }

        return json;
    }

    public static JsonArray Portals(IEnumerable<EmulatedPortal> portals, bool includeToken) =>
        [.. portals.Select(p => (JsonNode)Portal(p, includeToken))];

    /// <summary>Control-plane record: the API's fields, <c>token</c>, and the organization slug.</summary>
    public static JsonArray StoredPortals(IEnumerable<EmulatedPortal> portals) =>
        [.. portals.Select(p =>
        {
            var json = Portal(p, includeToken: true);
            json["organization"] = p.Organization;
            return (JsonNode)json;
        })];

    public static JsonObject User(EmulatedUser user) => new()
    {
        ["id"] = user.Id,
        ["graphql_id"] = user.GraphqlId,
        ["name"] = user.Name,
        ["email"] = user.Email,
        ["avatar_url"] = user.AvatarUrl,
        ["created_at"] = user.CreatedAt,
    };

    public static string Message(string message) => new JsonObject { ["message"] = message }.ToJsonString(Options);
}
