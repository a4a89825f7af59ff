using Pulumi;
using Pulumi.BuildkitePortals;

return await Deployment.RunAsync(() =>
{
    // Project configuration (`pulumi config set …`); `Pulumi.Config`, because Pulumi.BuildkitePortals has a
    // `Config` class of its own (the stack-wide buildkite-portals:* settings).
    var config = new Pulumi.Config();

    // An explicit provider: these settings apply to the resources that name it.
    var provider = new Provider("portals", new ProviderArgs
    {
        ApiUrl = config.Get("apiUrl") ?? "http://127.0.0.1:8089", // the emulator; https://api.buildkite.com for real
        Organization = config.Get("organization") ?? "acme",
        ApiToken = config.RequireSecret("apiToken"),
    });
    var options = new CustomResourceOptions { Provider = provider };

    // Only the required inputs: Buildkite derives the slug from the name.
    var minimal = new Portal("minimal", new PortalArgs
    {
        Name = "Viewer",
        Query = "query { viewer { user { name email } } }",
    }, options);

    // Every input.
    var builds = new Portal("builds", new PortalArgs
    {
        Name = "Latest builds",
        Slug = "latest-builds",
        Description = "The ten latest builds of a pipeline, for the release dashboard.",
        Query = """
            query LatestBuilds($pipeline: ID!) {
              pipeline(slug: $pipeline) {
                builds(first: 10) {
                  edges { node { number state branch url } }
                }
              }
            }
            """,
        AllowedIpAddresses = { "10.0.0.0/8", "2001:db8::/32" },
        UserInvokable = true,
    }, options);

    return new Dictionary<string, object?>
    {
        ["minimalUrl"] = minimal.Url,
        ["buildsUrl"] = builds.Url,
        ["buildsSlug"] = builds.Slug,
        // Already a secret (the SDK marks `token` as an additional secret output); wrapping it again states the
        // intent where the value leaves the program.
        ["buildsToken"] = Output.CreateSecret(builds.Token),
    };
});
