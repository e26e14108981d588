// A node: one Orleans silo in its own process, listening on the loopback interface only.
using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Runtime;

namespace DistributedMonteCarlo;

/// <summary>The <c>node</c> command.</summary>
public static class Node
{
    /// <summary>The Orleans service id shared by the nodes and the client.</summary>
    public const string ServiceId = "distributed-monte-carlo";

    /// <summary>The Orleans cluster id shared by the nodes and the client.</summary>
    public const string ClusterId = "localhost";

    /// <summary>The line a node prints on standard output once its silo has joined the cluster.</summary>
    public const string ReadyLine = "node ready";

    /// <summary>Runs a silo until Ctrl+C, or until standard input closes when asked to.</summary>
    /// <param name="siloPort">The silo-to-silo port on 127.0.0.1.</param>
    /// <param name="gatewayPort">The client gateway port on 127.0.0.1.</param>
    /// <param name="primarySiloPort">The primary silo's port, or null when this node is the primary.</param>
    /// <param name="stopOnStdinClose">Stop when standard input reaches its end: a launcher that dies takes its nodes
    /// with it, because its end of the pipe closes.</param>
    public static async Task<int> RunAsync(int siloPort, int gatewayPort, int? primarySiloPort, bool stopOnStdinClose)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        IPEndPoint? primary = primarySiloPort is int port ? new IPEndPoint(IPAddress.Loopback, port) : null;

        // Development clustering: the primary silo keeps the membership table in memory and the others join it.
        // On a real cluster this line becomes a membership provider (ADO.NET, Redis, Azure, Kubernetes) and
        // endpoints on the machine's address; nothing else in the sample changes.
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort, primary, ServiceId, ClusterId));

        using IHost host = builder.Build();
        await host.StartAsync();
        ILocalSiloDetails silo = host.Services.GetRequiredService<ILocalSiloDetails>();
        Console.WriteLine($"{ReadyLine} {silo.SiloAddress.Endpoint} gateway {gatewayPort} pid {Environment.ProcessId}");

        if (stopOnStdinClose)
        {
            IHostApplicationLifetime lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            _ = Task.Run(() =>
            {
                while (Console.In.ReadLine() is not null)
                {
                }

                lifetime.StopApplication();
            });
        }

        await host.WaitForShutdownAsync();
        return 0;
    }
}
