using System;
using System.Threading.Tasks;
using Orleans;
using Orleans.Placement;
using Orleans.Runtime;
using RandomPurity;

namespace DistributedMonteCarlo;

/// <summary>
/// The worker grain. Random placement puts each activation on a random node of the cluster, so the items of one run
/// spread over the nodes differently every time; the keyed result must not notice.
/// </summary>
[RandomPlacement]
public sealed class PricingWorker : Grain, IPricingWorker
{
    private readonly string _node;

    /// <summary>Creates the worker on the silo described by <paramref name="silo"/>.</summary>
    /// <param name="silo">The local silo, whose endpoint names the node in the results.</param>
    public PricingWorker(ILocalSiloDetails silo)
    {
        _node = $"{silo.SiloAddress.Endpoint} (pid {Environment.ProcessId})";
    }

    /// <inheritdoc />
    public Task<ItemResult> PriceAsync(WorkItem item)
    {
        PathSums sums = item.Generator switch
        {
            // The whole of the keyed variant's state: a key parsed from the message, folded with the item id.
            Generator.Keyed => ForwardCall.Simulate(PrngKey.Parse(item.RootKey).FoldIn(item.ItemId), item.Paths),
            Generator.SeededRandom => NodeGenerator.Simulate(item.Seed, item.Paths),
            Generator.SharedRandom => ForwardCall.Simulate(Random.Shared, item.Paths),
            _ => throw new ArgumentOutOfRangeException(nameof(item), item.Generator, "Unknown generator."),
        };
        return Task.FromResult(new ItemResult(item.ItemId, sums, _node));
    }
}
