// The `run` and `local` commands: dispatch the items to the cluster, reduce in item order, compare with one process.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using RandomPurity;

namespace DistributedMonteCarlo;

/// <summary>Runs the computation on a cluster and in a single process.</summary>
public static class ClusterRun
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The <c>run</c> command: on <c>--nodes N</c> new local node processes, or on a running cluster
    /// reached through <c>--gateways</c>.</summary>
    /// <param name="args">The command's options.</param>
    /// <returns>0, or 1 when the keyed result differs from the single-process run.</returns>
    public static async Task<int> RunAsync(Arguments args)
    {
        Work work = Work.From(args);
        int grains = args.Int("grains", work.Items, 1);
        if (args.Has("nodes") && args.Has("gateways"))
        {
            throw new FormatException("Give --nodes (start a local cluster) or --gateways (use a running one), not both.");
        }

        var clock = Stopwatch.StartNew();
        IPEndPoint[] gateways = args.Has("gateways") ? ParseGateways(args.Text("gateways", "")) : [];
        await using LocalCluster? cluster = args.Has("gateways") ? null : await LocalCluster.StartAsync(args.Int("nodes", 3, 1, 16));
        if (cluster is not null)
        {
            gateways = [.. cluster.Gateways];
        }

        string processes = cluster is null ? "a running cluster" : $"node processes {string.Join(", ", cluster.ProcessIds)}";

        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .UseStaticClustering(gateways)
            .Configure<ClusterOptions>(options =>
            {
                options.ServiceId = Node.ServiceId;
                options.ClusterId = Node.ClusterId;
            }));
        using IHost clientHost = builder.Build();
        await clientHost.StartAsync();
        IClusterClient orleans = clientHost.Services.GetRequiredService<IClusterClient>();
        int nodes = await WaitForNodesAsync(orleans, gateways.Length);
        TimeSpan clusterUp = clock.Elapsed;

        clock.Restart();
        (ItemResult[] results, List<int> finishOrder) = await DispatchAsync(orleans, work, grains);
        TimeSpan priced = clock.Elapsed;
        await clientHost.StopAsync();
        clock.Restart();
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        TimeSpan nodesStopped = clock.Elapsed;

        clock.Restart();
        Estimate reference = work.RunSingleProcess();
        TimeSpan singleProcess = clock.Elapsed;
        Estimate distributed = Estimate.Reduce(results.Select(r => r.Sums).ToArray());

        Console.WriteLine(work.Describe());
        Console.WriteLine($"cluster:        {nodes} node(s) ({processes}), {grains} grain(s), random placement");
        Console.WriteLine("items per node:");
        foreach (IGrouping<string, ItemResult> node in results.GroupBy(r => r.Node).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {node.Key}: {node.Count()}");
        }

        string more = finishOrder.Count > 16 ? $" ... (first 16 of {finishOrder.Count})" : "";
        Console.WriteLine($"finish order:   {string.Join(" ", finishOrder.Take(16))}{more}");
        Console.WriteLine($"repeated paths: {RepeatedItems(results.Select(r => r.Sums))} item(s) got exactly another item's paths");
        Console.WriteLine($"cluster:        {distributed}");
        Console.WriteLine($"single process: {reference}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exact:          {ForwardCall.ExactPrice:R}"));
        Console.WriteLine($"cluster bits:        {distributed.Bits}");
        Console.WriteLine($"single-process bits: {reference.Bits}");
        bool identical = distributed.Bits == reference.Bits;
        Console.WriteLine($"identical:      {(identical ? "yes" : "no")}");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"time:           cluster up (nodes started and joined, client connected) {clusterUp.TotalSeconds:F1} s, items priced on the cluster {priced.TotalSeconds:F2} s, nodes stopped {nodesStopped.TotalSeconds:F1} s, single process {singleProcess.TotalSeconds:F2} s"));
        return work.Generator == Generator.Keyed && !identical ? 1 : 0;
    }

    /// <summary>The <c>local</c> command: the single-process run alone.</summary>
    /// <param name="args">The command's options.</param>
    public static int RunLocal(Arguments args)
    {
        Work work = Work.From(args);
        var clock = Stopwatch.StartNew();
        Estimate estimate = work.RunSingleProcess();
        Console.WriteLine(work.Describe());
        Console.WriteLine($"single process: {estimate}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exact:          {ForwardCall.ExactPrice:R}"));
        Console.WriteLine($"single-process bits: {estimate.Bits}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time:           {clock.Elapsed.TotalSeconds:F2} s"));
        return 0;
    }

    private static async Task<(ItemResult[] Results, List<int> FinishOrder)> DispatchAsync(IClusterClient orleans, Work work, int grains)
    {
        string rootKey = work.RootKey.ToString();
        var results = new ItemResult[work.Items];
        var finished = new ConcurrentQueue<int>();

        // Every item is in flight at once; they finish in whatever order the nodes get to them. The results land in
        // an array indexed by item id, so the reduction below sees them in item order anyway.
        await Task.WhenAll(Enumerable.Range(0, work.Items).Select(async item =>
        {
            IPricingWorker worker = orleans.GetGrain<IPricingWorker>(item % grains);
            ItemResult result = await worker.PriceAsync(new WorkItem(rootKey, item, work.Paths, work.Generator, work.Seed));
            if (result.ItemId != item)
            {
                throw new InvalidOperationException($"Item {item} came back as item {result.ItemId}.");
            }

            results[item] = result;
            finished.Enqueue(item);
        }));
        return (results, finished.ToList());
    }

    // Placement only sees the nodes that have joined, so the items wait for all of them.
    private static async Task<int> WaitForNodesAsync(IClusterClient orleans, int expected)
    {
        IManagementGrain management = orleans.GetGrain<IManagementGrain>(0);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            int active = (await management.GetHosts(onlyActive: true)).Count;
            if (active >= expected || clock.Elapsed > JoinTimeout)
            {
                return active;
            }

            await Task.Delay(100);
        }
    }

    private static int RepeatedItems(IEnumerable<PathSums> items) =>
        items.GroupBy(s => s).Where(g => g.Count() > 1).Sum(g => g.Count() - 1);

    private static IPEndPoint[] ParseGateways(string text)
    {
        try
        {
            return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(IPEndPoint.Parse)
                .ToArray();
        }
        catch (FormatException)
        {
            throw new FormatException($"--gateways expects host:port,host:port,..., not '{text}'.");
        }
    }

    /// <summary>What to compute: the same for the cluster and the single-process run.</summary>
    private sealed record Work(int Items, int Paths, int Seed, Generator Generator)
    {
        // Created once; the workers get its text form in every work item.
        public PrngKey RootKey { get; } = PrngKey.Create(Seed);

        public static Work From(Arguments args)
        {
            string generator = args.Text("generator", "keyed");
            return new Work(
                args.Int("items", 48, 1, 100_000),
                args.Int("paths", 200_000, 2, 100_000_000),
                args.Int("seed", 42, int.MinValue),
                generator switch
                {
                    "keyed" => Generator.Keyed,
                    "seeded-random" => Generator.SeededRandom,
                    "shared-random" => Generator.SharedRandom,
                    _ => throw new FormatException($"--generator expects keyed, seeded-random or shared-random, not '{generator}'."),
                });
        }

        public string Describe()
        {
            string source = Generator switch
            {
                Generator.Keyed => $"keyed: root key {RootKey} sent as text, item i draws from root.FoldIn(i)",
                Generator.SeededRandom => $"seeded-random: each process draws from one new Random({Seed}), items in arrival order",
                _ => "shared-random: Random.Shared in each process",
            };
            return $"generator:      {source}\nwork:           {Items} items x {Paths} paths, at-the-money forward call (Bachelier)";
        }

        // One process, items in order: what a plain loop over the items computes.
        public Estimate RunSingleProcess()
        {
            var sums = new PathSums[Items];
            Random? random = Generator switch
            {
                Generator.SeededRandom => new Random(Seed),
                Generator.SharedRandom => Random.Shared,
                _ => null,
            };
            for (int item = 0; item < Items; item++)
            {
                sums[item] = random is null
                    ? ForwardCall.Simulate(RootKey.FoldIn(item), Paths)
                    : ForwardCall.Simulate(random, Paths);
            }

            return Estimate.Reduce(sums);
        }
    }
}
