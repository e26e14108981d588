// Starts N nodes as separate OS processes of this executable, on free loopback ports, and stops them again.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace DistributedMonteCarlo;

/// <summary>A localhost cluster of node processes.</summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly List<NodeProcess> _nodes = [];

    private LocalCluster()
    {
    }

    /// <summary>The gateway endpoints of the nodes, for the client.</summary>
    public IReadOnlyList<IPEndPoint> Gateways => _nodes.Select(n => new IPEndPoint(IPAddress.Loopback, n.GatewayPort)).ToList();

    /// <summary>The node processes' ids.</summary>
    public IReadOnlyList<int> ProcessIds => _nodes.Select(n => n.Process.Id).ToList();

    /// <summary>Starts the primary node, then the others in parallel, and waits until each has joined.</summary>
    /// <param name="count">The number of nodes (at least 1).</param>
    public static async Task<LocalCluster> StartAsync(int count)
    {
        int[] ports = FreeLoopbackPorts(2 * count);
        var cluster = new LocalCluster();
        try
        {
            NodeProcess primary = NodeProcess.Start(1, ports[0], ports[1], primarySiloPort: null);
            cluster._nodes.Add(primary);
            await primary.Ready.WaitAsync(StartTimeout);
            for (int i = 1; i < count; i++)
            {
                cluster._nodes.Add(NodeProcess.Start(i + 1, ports[2 * i], ports[(2 * i) + 1], ports[0]));
            }

            await Task.WhenAll(cluster._nodes.Select(n => n.Ready)).WaitAsync(StartTimeout);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the secondary nodes, then the primary (which holds the membership table); a second call does
    /// nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        NodeProcess[] nodes = [.. _nodes];
        _nodes.Clear();
        await Task.WhenAll(nodes.Skip(1).Select(n => n.StopAsync(StopTimeout)));
        if (nodes.Length > 0)
        {
            await nodes[0].StopAsync(StopTimeout);
        }
    }

    // Listeners bound at the same time get distinct ports; they are released just before the nodes bind them.
    private static int[] FreeLoopbackPorts(int count)
    {
        var listeners = new TcpListener[count];
        try
        {
            for (int i = 0; i < count; i++)
            {
                listeners[i] = new TcpListener(IPAddress.Loopback, 0);
                listeners[i].Start();
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (TcpListener? listener in listeners)
            {
                listener?.Stop();
            }
        }
    }

    private sealed class NodeProcess
    {
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private NodeProcess(Process process, int gatewayPort)
        {
            Process = process;
            GatewayPort = gatewayPort;
        }

        public Process Process { get; }

        public int GatewayPort { get; }

        public Task Ready => _ready.Task;

        public static NodeProcess Start(int number, int siloPort, int gatewayPort, int? primarySiloPort)
        {
            var start = new ProcessStartInfo
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            SetCommand(start);
            foreach (string argument in NodeArguments(siloPort, gatewayPort, primarySiloPort))
            {
                start.ArgumentList.Add(argument);
            }

            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            var node = new NodeProcess(process, gatewayPort);
            string prefix = $"[node {number}] ";
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                if (e.Data.StartsWith(Node.ReadyLine, StringComparison.Ordinal))
                {
                    node._ready.TrySetResult();
                }

                Console.Error.WriteLine(prefix + e.Data);
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    Console.Error.WriteLine(prefix + e.Data);
                }
            };
            process.Exited += (_, _) => node._ready.TrySetException(
                new InvalidOperationException($"Node {number} exited before it was ready."));
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return node;
        }

        public async Task StopAsync(TimeSpan timeout)
        {
            try
            {
                // The node stops itself when its standard input closes (--stop-on-stdin-close).
                Process.StandardInput.Close();
                using var cancel = new CancellationTokenSource(timeout);
                await Process.WaitForExitAsync(cancel.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
            {
                if (!Process.HasExited)
                {
                    Process.Kill(entireProcessTree: true);
                    await Process.WaitForExitAsync();
                }
            }
            finally
            {
                Process.Dispose();
            }
        }

        private static IEnumerable<string> NodeArguments(int siloPort, int gatewayPort, int? primarySiloPort)
        {
            yield return "node";
            yield return "--silo-port";
            yield return siloPort.ToString(CultureInfo.InvariantCulture);
            yield return "--gateway-port";
            yield return gatewayPort.ToString(CultureInfo.InvariantCulture);
            if (primarySiloPort is int primary)
            {
                yield return "--primary-port";
                yield return primary.ToString(CultureInfo.InvariantCulture);
            }

            yield return "--stop-on-stdin-close";
        }

        // The same executable: the apphost directly, or `dotnet DistributedMonteCarlo.dll` when run that way.
        private static void SetCommand(ProcessStartInfo start)
        {
            string host = Environment.ProcessPath ?? throw new InvalidOperationException("Unknown process path.");
            start.FileName = host;
            if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                start.ArgumentList.Add(typeof(LocalCluster).Assembly.Location);
            }
        }
    }
}
