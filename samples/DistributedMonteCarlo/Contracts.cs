// The messages that travel between the client and the nodes, and the worker grain's interface.
using System.Threading.Tasks;
using Orleans;

namespace DistributedMonteCarlo;

/// <summary>Where a work item's random numbers come from.</summary>
public enum Generator
{
    /// <summary>Item i draws from <c>root.FoldIn(i)</c>; the root key travels in the message as text.</summary>
    Keyed,

    /// <summary>Each node process seeds one <c>new Random(seed)</c> and its items draw from it in arrival order.</summary>
    SeededRandom,

    /// <summary><c>Random.Shared</c>: the process-wide, unseeded generator.</summary>
    SharedRandom,
}

/// <summary>One work item: a batch of Monte Carlo paths.</summary>
/// <param name="RootKey">The root key's text form (<c>PrngKey.ToString()</c>), the same in every message.</param>
/// <param name="ItemId">The item's index; the keyed worker draws from <c>root.FoldIn(ItemId)</c>.</param>
/// <param name="Paths">How many paths the item simulates.</param>
/// <param name="Generator">Which generator the worker uses.</param>
/// <param name="Seed">The seed of the <see cref="Generator.SeededRandom"/> variant.</param>
[GenerateSerializer, Immutable]
public sealed record WorkItem(
    [property: Id(0)] string RootKey,
    [property: Id(1)] int ItemId,
    [property: Id(2)] int Paths,
    [property: Id(3)] Generator Generator,
    [property: Id(4)] int Seed);

/// <summary>What a node sends back for one item: the sums the reduction needs, and where the item ran.</summary>
/// <param name="ItemId">The item's index.</param>
/// <param name="Sums">The item's payoff sums.</param>
/// <param name="Node">The node (silo endpoint and process id) that ran the item.</param>
[GenerateSerializer, Immutable]
public sealed record ItemResult(
    [property: Id(0)] int ItemId,
    [property: Id(1)] PathSums Sums,
    [property: Id(2)] string Node);

/// <summary>The payoff sums of a batch of paths.</summary>
/// <param name="Paths">The number of paths.</param>
/// <param name="Sum">The sum of the payoffs, added in path order.</param>
/// <param name="SumOfSquares">The sum of the squared payoffs, added in path order.</param>
[GenerateSerializer, Immutable]
public readonly record struct PathSums(
    [property: Id(0)] long Paths,
    [property: Id(1)] double Sum,
    [property: Id(2)] double SumOfSquares);

/// <summary>A worker that prices work items. Grains are keyed by worker number, not by item.</summary>
public interface IPricingWorker : IGrainWithIntegerKey
{
    /// <summary>Simulates the item's paths and returns their payoff sums.</summary>
    /// <param name="item">The work item.</param>
    Task<ItemResult> PriceAsync(WorkItem item);
}
