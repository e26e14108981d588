using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using RandomPurity;

// One line per sampler family and mode: "<family> <mode> <sha256 of its output bytes>", then "all <sha256 of the lines>".
// The same bits on every machine is a promise of the runtime (README, "Same bits everywhere"): tests/CrossArch/run.sh
// runs this on x64 with SIMD, on x64 with DOTNET_EnableHWIntrinsic=0 and on linux-arm64, and compares the output.
// Bulk calls use lengths that leave a tail after every vector width (0 to 16 words a block) plus a long one; scalar
// calls draw from FoldIn(i) keys.
Sha256.SelfTest();
// The machine, not compared (run.sh compares the lines that do not start with '#').
Console.WriteLine($"# {RuntimeInformation.ProcessArchitecture}; accelerated: Vector128 {Vector128.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, Vector512 {Vector512.IsHardwareAccelerated}");
var lines = new List<string>();
int[] lengths = { 1, 2, 3, 5, 7, 8, 15, 16, 17, 31, 33, 63, 65, 1003, 10_007 };
const int ScalarDraws = 64;

foreach (var impl in new[] { PrngImpl.Threefry2x32, PrngImpl.Threefry2x32Legacy })
{
    string mode = impl == PrngImpl.Threefry2x32 ? "partitionable" : "legacy";
    var root = PrngKey.Create(20260101, impl);
    int family = 0;

    // Bulk: the sampler fills each length from a key derived for that family and length.
    void Bulk<T>(string name, Action<PrngKey, T[]> fill) where T : unmanaged
    {
        var hash = new Sha256();
        var familyKey = root.FoldIn(family++);
        for (int i = 0; i < lengths.Length; i++)
        {
            var values = new T[lengths[i]];
            fill(familyKey.FoldIn(i), values);
            hash.Append(MemoryMarshal.AsBytes(values.AsSpan()));
        }

        lines.Add($"bulk.{name} {mode} {hash.HexDigest()}");
    }

    // Scalar: one draw from each of ScalarDraws keys.
    void Scalar<T>(string name, Func<PrngKey, T> draw) where T : unmanaged
    {
        var familyKey = root.FoldIn(family++);
        var values = new T[ScalarDraws];
        for (int i = 0; i < ScalarDraws; i++)
        {
            values[i] = draw(familyKey.FoldIn(i));
        }

        lines.Add($"scalar.{name} {mode} {Sha256.Hex(MemoryMarshal.AsBytes(values.AsSpan()))}");
    }

    // Keys and bits.
    Bulk<uint>("Split", (k, d) => { var keys = new PrngKey[d.Length / 2 + 1]; k.Split(keys); for (int i = 0; i < d.Length; i++) { d[i] = i % 2 == 0 ? keys[i / 2].Word0 : keys[i / 2].Word1; } });
    Bulk<uint>("FoldInSpan", (k, d) => { var data = new uint[d.Length]; for (int i = 0; i < d.Length; i++) { data[i] = (uint)(i * 2654435761u); } var keys = new PrngKey[d.Length]; k.FoldIn(data, keys); for (int i = 0; i < d.Length; i++) { d[i] = keys[i].Word0 ^ (keys[i].Word1 * 3); } });
    Bulk<uint>("Split(batched)", (k, d) => { var keys = k.Split(d.Length); var a = new PrngKey[d.Length]; var b = new PrngKey[d.Length]; PrngKey.Split(keys, a, b); for (int i = 0; i < d.Length; i++) { d[i] = a[i].Word0 ^ b[i].Word1; } });
    Bulk<byte>("Bits.byte", (k, d) => k.Bits(d));
    Bulk<ushort>("Bits.ushort", (k, d) => k.Bits(d));
    Bulk<uint>("Bits.uint", (k, d) => k.Bits(d));
    Bulk<ulong>("Bits.ulong", (k, d) => k.Bits(d));
    if (impl == PrngImpl.Threefry2x32) { Bulk<uint>("Bits.uint@offset", (k, d) => k.Bits(d, 1L << 33)); } // counter offsets: partitionable only
    if (impl == PrngImpl.Threefry2x32) { Bulk<ulong>("Bits.ulong@offset", (k, d) => k.Bits(d, 12345)); } // counter offsets: partitionable only
    Bulk<uint>("ParallelBits", (k, d) => k.ParallelBits(d));
    Bulk<uint>("Bits32(batched)", (k, d) => PrngKey.Bits32(k.Split(d.Length), d));
    Bulk<ulong>("Bits64(batched)", (k, d) => PrngKey.Bits64(k.Split(d.Length), d));
    Bulk<uint>("FoldInBits32", (k, d) => k.FoldInBits32(7, d));
    Bulk<ulong>("FoldInBits64", (k, d) => k.FoldInBits64(7, d));
    Scalar("Bits32", k => k.Bits32());
    Scalar("Bits64", k => k.Bits64());

    // Uniform, normal, integers, Bernoulli.
    Bulk<float>("Uniform.float", (k, d) => k.Uniform(d));
    Bulk<double>("Uniform.double", (k, d) => k.Uniform(d));
    Bulk<float>("Uniform.float(range)", (k, d) => k.Uniform(d, -3.5f, 1e6f));
    Bulk<double>("Uniform.double(range)", (k, d) => k.Uniform(d, -3.5, 1e300));
    if (impl == PrngImpl.Threefry2x32) { Bulk<float>("Uniform.float@offset", (k, d) => k.Uniform(d, 99, -1f, 1f)); } // counter offsets: partitionable only
    if (impl == PrngImpl.Threefry2x32) { Bulk<double>("Uniform.double@offset", (k, d) => k.Uniform(d, 99, -1, 1)); } // counter offsets: partitionable only
    Bulk<float>("ParallelUniform.float", (k, d) => k.ParallelUniform(d));
    Bulk<double>("ParallelUniform.double", (k, d) => k.ParallelUniform(d, 2, 5));
    Bulk<float>("UniformSingle(batched)", (k, d) => PrngKey.UniformSingle(k.Split(d.Length), d));
    Bulk<double>("Uniform(batched)", (k, d) => PrngKey.Uniform(k.Split(d.Length), d, -1, 1));
    Bulk<float>("FoldInUniformSingle", (k, d) => k.FoldInUniformSingle(3, d, -2f, 2f));
    Bulk<double>("FoldInUniform", (k, d) => k.FoldInUniform(3, d));
    Bulk<float>("Normal.float", (k, d) => k.Normal(d));
    Bulk<double>("Normal.double", (k, d) => k.Normal(d));
    if (impl == PrngImpl.Threefry2x32) { Bulk<float>("Normal.float@offset", (k, d) => k.Normal(d, 77)); } // counter offsets: partitionable only
    if (impl == PrngImpl.Threefry2x32) { Bulk<double>("Normal.double@offset", (k, d) => k.Normal(d, 77)); } // counter offsets: partitionable only
    Bulk<float>("ParallelNormal.float", (k, d) => k.ParallelNormal(d));
    Bulk<double>("ParallelNormal.double", (k, d) => k.ParallelNormal(d));
    Bulk<float>("NormalSingle(batched)", (k, d) => PrngKey.NormalSingle(k.Split(d.Length), d));
    Bulk<double>("Normal(batched)", (k, d) => PrngKey.Normal(k.Split(d.Length), d));
    Bulk<float>("FoldInNormalSingle", (k, d) => k.FoldInNormalSingle(3, d));
    Bulk<double>("FoldInNormal", (k, d) => k.FoldInNormal(3, d));
    Bulk<int>("Integers.int", (k, d) => k.Integers(d, -1000, 1_000_003));
    Bulk<int>("Integers.int(full)", (k, d) => k.Integers(d, int.MinValue, int.MaxValue));
    Bulk<long>("Integers.long", (k, d) => k.Integers(d, -5, 1L << 40));
    Bulk<bool>("Bernoulli.double", (k, d) => k.Bernoulli(d, 0.3));
    Bulk<bool>("Bernoulli.float", (k, d) => k.Bernoulli(d, 0.7f));
    Scalar("UniformSingle", k => k.UniformSingle());
    Scalar("Uniform", k => k.Uniform(-2, 3));
    Scalar("NormalSingle", k => k.NormalSingle());
    Scalar("Normal", k => k.Normal());
    Scalar("Int32", k => k.Int32(-7, 1_000_000_007));
    Scalar("Int64", k => k.Int64(long.MinValue, long.MaxValue));
    Scalar("UnbiasedInt32", k => k.UnbiasedInt32(0, 1_000_000_000));
    Scalar("UnbiasedInt64", k => k.UnbiasedInt64(-3, (1L << 62) + 12345));
    Scalar("Bernoulli", k => k.Bernoulli(0.4));
    Scalar("BernoulliSingle", k => k.Bernoulli(0.6f));

    // Permutations and choice.
    Bulk<int>("Permutation", (k, d) => k.Permutation(d.Length).CopyTo(d, 0));
    Bulk<int>("Shuffle", (k, d) => { for (int i = 0; i < d.Length; i++) { d[i] = i * 3; } k.Shuffle(d.AsSpan()); });
    Bulk<int>("Choice", (k, d) => k.Choice<int>(new[] { 1, 2, 3, 4, 5, 6, 7 }, d));
    Bulk<int>("Choice(noReplace)", (k, d) => { var items = new int[d.Length + 5]; for (int i = 0; i < items.Length; i++) { items[i] = i; } k.Choice<int>(items, d, replace: false); });
    Bulk<int>("Choice(weights)", (k, d) => k.Choice<int>(new[] { 1, 2, 3, 4 }, new[] { 0.1f, 0f, 2f, 3f }, d));
    Bulk<int>("Choice(weights,double)", (k, d) => k.Choice<int>(new[] { 1, 2, 3, 4 }, new[] { 0.1, 0.5, 2, 3 }, d));
    Bulk<int>("Choice(weights,noReplace)", (k, d) => { var items = new int[d.Length + 2]; var w = new float[items.Length]; for (int i = 0; i < items.Length; i++) { items[i] = i; w[i] = 1 + (i % 5); } k.Choice<int>(items, w, d, replace: false); });
    Bulk<int>("Categorical", (k, d) => k.Categorical(new[] { -1f, 0.5f, 2f, 0f }, 4, d));
    Bulk<int>("Categorical(double)", (k, d) => k.Categorical(new[] { -1.0, 0.5, 2.0, 0.0 }, 4, d));
    Bulk<int>("Categorical(noReplace)", (k, d) => { var logits = new float[d.Length + 3]; for (int i = 0; i < logits.Length; i++) { logits[i] = (i % 7) * 0.25f; } k.Categorical(logits, logits.Length, d, replace: false); });
    Scalar("Categorical", k => k.Categorical(new[] { 0.1f, 1f, -2f }));
    Scalar("Categorical(double)", k => k.Categorical(new[] { 0.1, 1, -2 }));

    // The catalogue, float and double in bulk, and scalar.
    Bulk<float>("Exponential.float", (k, d) => k.Exponential(d));
    Bulk<double>("Exponential.double", (k, d) => k.Exponential(d));
    Bulk<float>("Gumbel.float", (k, d) => k.Gumbel(d));
    Bulk<double>("Gumbel.double", (k, d) => k.Gumbel(d));
    Bulk<float>("Laplace.float", (k, d) => k.Laplace(d));
    Bulk<double>("Laplace.double", (k, d) => k.Laplace(d));
    Bulk<float>("Logistic.float", (k, d) => k.Logistic(d));
    Bulk<double>("Logistic.double", (k, d) => k.Logistic(d));
    Bulk<float>("Cauchy.float", (k, d) => k.Cauchy(d));
    Bulk<double>("Cauchy.double", (k, d) => k.Cauchy(d));
    Bulk<float>("Pareto.float", (k, d) => k.Pareto(d, 2.5f));
    Bulk<double>("Pareto.double", (k, d) => k.Pareto(d, 2.5));
    Bulk<float>("Weibull.float", (k, d) => k.Weibull(d, 2f, 1.5f));
    Bulk<double>("Weibull.double", (k, d) => k.Weibull(d, 2, 1.5));
    Bulk<float>("Rayleigh.float", (k, d) => k.Rayleigh(d, 3f));
    Bulk<double>("Rayleigh.double", (k, d) => k.Rayleigh(d, 3));
    Bulk<float>("LogNormal.float", (k, d) => k.LogNormal(d, 0.5f));
    Bulk<double>("LogNormal.double", (k, d) => k.LogNormal(d, 0.5));
    Bulk<float>("Triangular.float", (k, d) => k.Triangular(d, -1f, 0.5f, 2f));
    Bulk<double>("Triangular.double", (k, d) => k.Triangular(d, -1, 0.5, 2));
    Bulk<float>("Maxwell.float", (k, d) => k.Maxwell(d));
    Bulk<double>("Maxwell.double", (k, d) => k.Maxwell(d));
    Bulk<float>("DoubleSidedMaxwell.float", (k, d) => k.DoubleSidedMaxwell(d, 1f, 2f));
    Bulk<double>("DoubleSidedMaxwell.double", (k, d) => k.DoubleSidedMaxwell(d, 1, 2));
    Bulk<float>("TruncatedNormal.float", (k, d) => k.TruncatedNormal(d, -1f, 2f));
    Bulk<double>("TruncatedNormal.double", (k, d) => k.TruncatedNormal(d, -1, 2));
    Bulk<float>("Gamma.float(<1)", (k, d) => k.Gamma(d, 0.8f));
    Bulk<double>("Gamma.double(>1)", (k, d) => k.Gamma(d, 3));
    Bulk<float>("LogGamma.float", (k, d) => k.LogGamma(d, 0.3f));
    Bulk<double>("LogGamma.double", (k, d) => k.LogGamma(d, 2));
    Bulk<float>("Beta.float", (k, d) => k.Beta(d, 0.8f, 0.9f));
    Bulk<double>("Beta.double", (k, d) => k.Beta(d, 2, 5));
    Bulk<float>("ChiSquare.float", (k, d) => k.ChiSquare(d, 3f));
    Bulk<double>("ChiSquare.double", (k, d) => k.ChiSquare(d, 3));
    Bulk<float>("StudentT.float", (k, d) => k.StudentT(d, 9f));
    Bulk<double>("StudentT.double", (k, d) => k.StudentT(d, 9));
    Bulk<float>("Dirichlet.float", (k, d) => { if (d.Length % 3 == 0) { k.Dirichlet(new[] { 0.5f, 0.6f, 0.7f }, d); } else { k.Dirichlet(new[] { 0.5f }, d); } });
    Bulk<double>("Dirichlet.double", (k, d) => { if (d.Length % 2 == 0) { k.Dirichlet(new[] { 0.5, 3 }, d); } else { k.Dirichlet(new[] { 2.0 }, d); } });
    Bulk<float>("MultivariateNormal.float", (k, d) => { var x = new float[2 * d.Length]; k.MultivariateNormal(new[] { 1f, -2f }, new[] { 2f, 0.6f, 0.6f, 1f }, x); Array.Copy(x, d, d.Length); });
    Bulk<double>("MultivariateNormal.double", (k, d) => { var x = new double[2 * d.Length]; k.MultivariateNormal(new[] { 1.0, -2 }, new[] { 2, 0.6, 0.6, 1 }, x); Array.Copy(x, d, d.Length); });
    Bulk<int>("Rademacher", (k, d) => k.Rademacher(d));
    Bulk<int>("Geometric.int", (k, d) => k.Geometric(d, 0.2f));
    Bulk<long>("Geometric.long", (k, d) => k.Geometric(d, 0.01));
    Bulk<int>("Poisson(knuth)", (k, d) => k.Poisson(d, 4f));
    Bulk<int>("Poisson(rejection)", (k, d) => k.Poisson(d, 30f));
    Scalar("ExponentialSingle", k => k.ExponentialSingle());
    Scalar("Exponential", k => k.Exponential());
    Scalar("GumbelSingle", k => k.GumbelSingle());
    Scalar("Gumbel", k => k.Gumbel());
    Scalar("LaplaceSingle", k => k.LaplaceSingle());
    Scalar("Laplace", k => k.Laplace());
    Scalar("LogisticSingle", k => k.LogisticSingle());
    Scalar("Logistic", k => k.Logistic());
    Scalar("CauchySingle", k => k.CauchySingle());
    Scalar("Cauchy", k => k.Cauchy());
    Scalar("ParetoSingle", k => k.ParetoSingle(2.5f));
    Scalar("Pareto", k => k.Pareto(2.5));
    Scalar("WeibullSingle", k => k.WeibullSingle(2f, 1.5f));
    Scalar("Weibull", k => k.Weibull(2, 1.5));
    Scalar("RayleighSingle", k => k.RayleighSingle(3f));
    Scalar("Rayleigh", k => k.Rayleigh(3));
    Scalar("LogNormalSingle", k => k.LogNormalSingle(0.5f));
    Scalar("LogNormal", k => k.LogNormal(0.5));
    Scalar("TriangularSingle", k => k.TriangularSingle(-1f, 0.5f, 2f));
    Scalar("Triangular", k => k.Triangular(-1, 0.5, 2));
    Scalar("MaxwellSingle", k => k.MaxwellSingle());
    Scalar("Maxwell", k => k.Maxwell());
    Scalar("DoubleSidedMaxwellSingle", k => k.DoubleSidedMaxwellSingle(1f, 2f));
    Scalar("DoubleSidedMaxwell", k => k.DoubleSidedMaxwell(1, 2));
    Scalar("TruncatedNormalSingle", k => k.TruncatedNormalSingle(-1f, 2f));
    Scalar("TruncatedNormal", k => k.TruncatedNormal(-1, 2));
    Scalar("GammaSingle", k => k.GammaSingle(0.8f));
    Scalar("Gamma", k => k.Gamma(3));
    Scalar("LogGammaSingle", k => k.LogGammaSingle(0.3f));
    Scalar("LogGamma", k => k.LogGamma(2));
    Scalar("BetaSingle", k => k.BetaSingle(0.8f, 0.9f));
    Scalar("Beta", k => k.Beta(2, 5));
    Scalar("ChiSquareSingle", k => k.ChiSquareSingle(3f));
    Scalar("ChiSquare", k => k.ChiSquare(3));
    Scalar("StudentTSingle", k => k.StudentTSingle(9f));
    Scalar("StudentT", k => k.StudentT(9));
    Scalar("Rademacher", k => k.Rademacher());
    Scalar("GeometricSingle", k => k.Geometric(0.2f));
    Scalar("Geometric", k => k.Geometric(0.01));
    Scalar("Poisson(knuth)", k => k.Poisson(4f));
    Scalar("Poisson(rejection)", k => k.Poisson(30f));

    // The stateful wrappers: StatefulPrng and PrngKey.AsRandom (System.Random).
    Bulk<double>("StatefulPrng", (k, d) => { var s = new StatefulPrng(k); for (int i = 0; i < d.Length; i++) { d[i] = (i % 4) switch { 0 => s.Normal(), 1 => s.Uniform(), 2 => s.UnbiasedInt64(0, 1000), _ => s.Bits64() }; } });
    Bulk<double>("AsRandom", (k, d) => { var r = k.AsRandom(); var bytes = new byte[3]; for (int i = 0; i < d.Length; i++) { r.NextBytes(bytes); d[i] = (i % 5) switch { 0 => r.Next(), 1 => r.NextDouble(), 2 => r.NextInt64(-9, 1L << 50), 3 => r.NextSingle(), _ => r.Next(10, 20) + bytes[2] }; } });
}

foreach (string line in lines)
{
    Console.WriteLine(line);
}

Console.WriteLine($"all {lines.Count} {Sha256.Hex(Encoding.UTF8.GetBytes(string.Join("\n", lines)))}");
