using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using PortalsProvider.Buildkite;

namespace PortalsProvider.Bench;

/// <summary>
/// Realistic inputs of portal <c>i</c>: a multi-line GraphQL document with variables, fragments and directives,
/// a description, a three-entry IPv4/IPv6 allow-list and an explicit slug, the way a stack declares them.
/// </summary>
internal static class SamplePortal
{
    public const string ResourceType = "buildkite-portals:index:Portal";

    /// <summary>Pulumi's secret envelope (sig.Key / sig.Secret).</summary>
    public const string SigKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSig = "1b47061264138c4ac30d75fd1eb44270";

    public const string Query = """
        query PipelineHealth($pipeline: ID!, $first: Int = 20, $branch: [String!]) {
          pipeline(slug: $pipeline) {
            name
            slug
            builds(first: $first, branch: $branch, state: [PASSED, FAILED, CANCELED]) {
              edges {
                node {
                  ...BuildSummary
                  jobs(first: 50) @include(if: true) {
                    edges { node { ... on JobTypeCommand { label state exitStatus startedAt finishedAt } } }
                  }
                }
              }
            }
          }
        }

        fragment BuildSummary on Build {
          uuid
          number
          state
          message
          commit
          url
          createdAt
          createdBy { ... on User { name email } ... on UnregisteredUser { name email } }
        }
        """;

    public static readonly string[] AllowedIps = ["10.20.0.0/16", "192.168.10.0/24", "2001:db8:1234::/48"];

    public static string Name(int i) => $"Pipeline health {i.ToString(CultureInfo.InvariantCulture)}";

    public static string Slug(int i) => $"pipeline-health-{i.ToString(CultureInfo.InvariantCulture)}";

    public static string Urn(int i) =>
        $"urn:pulumi:bench::portals-bench::{ResourceType}::portal-{i.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The program's inputs of portal <paramref name="i"/> as the engine sends them to Check.</summary>
    public static Struct News(int i, string descriptionSuffix = "")
    {
        var news = new Struct();
        news.Fields["name"] = Value.ForString(Name(i));
        news.Fields["query"] = Value.ForString(Query);
        news.Fields["slug"] = Value.ForString(Slug(i));
        news.Fields["description"] = Value.ForString($"Build health of pipeline {i.ToString(CultureInfo.InvariantCulture)} for the status page{descriptionSuffix}");
        news.Fields["allowedIpAddresses"] = Value.ForList([.. AllowedIps.Select(Value.ForString)]);
        news.Fields["userInvokable"] = Value.ForBool(false);
        return news;
    }

    /// <summary>The same portal as a direct API request (the floor makes exactly this call).</summary>
    public static PortalCreateRequest CreateRequest(int i) => new(
        Name(i),
        Query,
        Slug(i),
        $"Build health of pipeline {i.ToString(CultureInfo.InvariantCulture)} for the status page",
        string.Join(' ', AllowedIps),
        UserInvokable: false);

    public static Value Secret(string value)
    {
        var secret = new Struct();
        secret.Fields[SigKey] = Value.ForString(SecretSig);
        secret.Fields["value"] = Value.ForString(value);
        return Value.ForStruct(secret);
    }

    /// <summary>Engine-style 32-byte random seed for Check.</summary>
    public static ByteString Seed(int i)
    {
        var bytes = new byte[32];
        BitConverter.TryWriteBytes(bytes, i);
        return ByteString.CopyFrom(bytes);
    }
}
