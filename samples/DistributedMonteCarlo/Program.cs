// Reproducible across machines: a Monte Carlo price computed on a localhost Orleans cluster whose nodes are separate
// processes. The root key is created once, sent to the workers as text, and item i draws from root.FoldIn(i): the
// result has the same bits on 1 node or 3, with any number of grains, whatever order the items finish in.
// See README.md; the on-demand cluster test is run-cluster-test.sh.
using System;
using System.Threading.Tasks;

namespace DistributedMonteCarlo;

/// <summary>The commands: <c>run</c>, <c>local</c>, <c>node</c>.</summary>
public static class Program
{
    private const string Usage = """
        usage:
          DistributedMonteCarlo run   [--nodes N | --gateways host:port,...] [--grains G] [--items I] [--paths P]
                                      [--seed S] [--generator keyed|seeded-random|shared-random]
          DistributedMonteCarlo local [--items I] [--paths P] [--seed S] [--generator ...]
          DistributedMonteCarlo node  --silo-port P --gateway-port G [--primary-port P0] [--stop-on-stdin-close]
        """;

    /// <summary>Dispatches to a command.</summary>
    /// <param name="args">The command and its options.</param>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            ReadOnlySpan<string> options = args.AsSpan(1);
            switch (args[0])
            {
                case "run":
                    return await ClusterRun.RunAsync(new Arguments(
                        options, "nodes", "gateways", "grains", "items", "paths", "seed", "generator"));
                case "local":
                    return ClusterRun.RunLocal(new Arguments(options, "items", "paths", "seed", "generator"));
                case "node":
                    var node = new Arguments(options, "silo-port", "gateway-port", "primary-port", "stop-on-stdin-close");
                    return await Node.RunAsync(
                        node.Int("silo-port", 11111, 1, 65535),
                        node.Int("gateway-port", 30000, 1, 65535),
                        node.Has("primary-port") ? node.Int("primary-port", 0, 1, 65535) : null,
                        node.Has("stop-on-stdin-close"));
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }
}
