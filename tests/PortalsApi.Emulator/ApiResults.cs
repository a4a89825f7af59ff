using System.Text;
using System.Text.Json.Nodes;

namespace PortalsApi.Emulator;

/// <summary>JSON responses in the API's format.</summary>
internal static class ApiResults
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public const string AuthenticationRequired =
        "Authentication required. Please supply a valid API Access Token: https://buildkite.com/docs/apis/rest-api#authentication";

    public static IResult Json(int status, JsonNode body) =>
        Results.Content(body.ToJsonString(PortalJson.Options), JsonContentType, Encoding.UTF8, status);

    public static IResult Message(int status, string message) =>
        Results.Content(PortalJson.Message(message), JsonContentType, Encoding.UTF8, status);

    public static string MissingScope(string scope) => $"Your access token doesn't have the {scope} scope";
}
