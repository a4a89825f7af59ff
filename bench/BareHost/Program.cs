using System.Globalization;
using System.Net;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PortalsProvider.Bench.BareHost;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // The leanest host that still serves gRPC: no configuration sources (CreateSlimBuilder would read
        // appsettings*.json from the working directory and watch it, recursively, with inotify), no logging
        // providers, Kestrel without the HTTPS/config extras, routing core only.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(k =>
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc();
        builder.Services.Remove(builder.Services.Single(d =>
            d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == "BinderServiceMethodProvider`1"));
        builder.Services.AddSingleton<IServiceMethodProvider<BareResourceProvider>, BareMethods>();

        await using var app = builder.Build();
        app.MapGrpcService<BareResourceProvider>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        var port = new Uri(address).Port;
        await Console.Out.WriteLineAsync(port.ToString(CultureInfo.InvariantCulture));
        await Console.Out.FlushAsync();

        await app.WaitForShutdownAsync();
        return 0;
    }
}
