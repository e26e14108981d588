// A node: one Orleans silo in its own process, listening on the loopback interface only.
using System;
using System.Diagnostics;
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

    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan OrphanExitDelay = TimeSpan.FromSeconds(15);

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
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        IPEndPoint? primary = primarySiloPort is int port ? new IPEndPoint(IPAddress.Loopback, port) : null;

        // Development clustering: the primary silo keeps the membership table in memory and the others join it.
        // On a real cluster this line becomes a membership provider (ADO.NET, Redis, Azure, Kubernetes) and
        // endpoints on the machine's address; nothing else in the sample changes.
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort, primary, ServiceId, ClusterId));

        using IHost host = builder.Build();
        if (stopOnStdinClose)
        {
            // Watched from the start: a node still joining when its launcher dies must go too.
            StopWhenStandardInputCloses(host.Services.GetRequiredService<IHostApplicationLifetime>());
        }

        try
        {
            await host.StartAsync();
        }
        catch (OperationCanceledException)
        {
            // Stopped while joining (the launcher went away).
            return 1;
        }

        ILocalSiloDetails silo = host.Services.GetRequiredService<ILocalSiloDetails>();
        Console.WriteLine($"{ReadyLine} {silo.SiloAddress.Endpoint} gateway {gatewayPort} pid {Environment.ProcessId}");
        await host.WaitForShutdownAsync();
        return 0;
    }

    private static void StopWhenStandardInputCloses(IHostApplicationLifetime lifetime) => _ = Task.Run(async () =>
    {
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        lifetime.StopApplication();

        // A graceful stop can hang when the launcher died together with the primary node (the membership table is
        // gone), and Environment.Exit would wait for it too: an orphaned node must not outlive its launcher for long.
        await Task.Delay(OrphanExitDelay);
        using Process self = Process.GetCurrentProcess();
        self.Kill();
    });
}
