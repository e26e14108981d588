// Writes raw little-endian 32-bit words of one derived RandomPurity stream to standard output, for dieharder -g 200.
//   StreamGen <stream> <partitionable|legacy> [seed] [maxBytes] [--from WORD]
// --from starts the stream at word WORD (0-based) without producing the words before it, so that each test of the full
// battery can read its own stretch of one stream (tests/quality/run.sh); the output is the tail of the whole stream.
// Streams (each is a way a splittable generator can go wrong; see tests/quality/README.md):
//   bulk       bits of one key, in chunks: chunk c is key.FoldIn(c).Bits(span of 2^16 words)
//   foldin     key.FoldIn(0).Bits32(), key.FoldIn(1).Bits32(), ..., key.FoldIn(2^32 - 1).Bits32(), then the same from the
//              next root (see FoldIns: FoldIn takes 32 bits, so one key has only 2^32 words = 16 GiB)
//   splittree  a depth-first walk of the binary Split() tree, one Bits32() per leaf at depth 24, tree after tree
//   leftchain  key = key.Split().First, one Bits32() of each chain key (drawn from a Clone: deliberate reuse); chain c
//              starts at root.FoldIn(c) and runs 2^16 steps (see LeftChain: one endless chain cycles after ~2^32 steps)
//   siblings   key.FoldIn(0) and key.FoldIn(1) bulk bits interleaved word by word
//   parentchild the parent's bulk bit i next to child i's first draw (child i = key.Split(n)[i])
//   seeds      PrngKey.Create(0).Bits32(), PrngKey.Create(1).Bits32(), ..., then 64-bit seeds from 2^32 on
using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Numerics;
using RandomPurity;

namespace RandomPurity.Quality;

public static class Program
{
    private const int Chunk = 1 << 16;

    public static int Main(string[] args)
    {
        ulong from = 0;
        int fromAt = Array.IndexOf(args, "--from");
        if (fromAt >= 0)
        {
            if (fromAt + 1 >= args.Length)
            {
                Console.Error.WriteLine("--from needs a word index");
                return 2;
            }

            from = ulong.Parse(args[fromAt + 1], System.Globalization.CultureInfo.InvariantCulture);
            args = args[..fromAt].Concat(args[(fromAt + 2)..]).ToArray();
        }

        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: StreamGen <bulk|foldin|splittree|leftchain|siblings|parentchild|seeds> <partitionable|legacy> [seed] [maxBytes] [--from WORD]");
            return 2;
        }

        var impl = args[1] switch
        {
            "partitionable" => PrngImpl.Threefry2x32,
            "legacy" => PrngImpl.Threefry2x32Legacy,
            _ => throw new ArgumentException("mode must be partitionable or legacy", nameof(args)),
        };
        int seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
        long maxBytes = args.Length > 3 ? long.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : long.MaxValue;
        var root = PrngKey.Create(seed, impl);

        // A FileStream on descriptor 1, not Console.OpenStandardOutput(): the console stream ignores a closed pipe
        // (EPIPE), so the generator would run forever after dieharder has read enough.
        using var stdout = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle((IntPtr)1, ownsHandle: false), FileAccess.Write, 1 << 16);
        var sink = new WordSink(stdout, maxBytes);
        try
        {
            switch (args[0])
            {
                case "bulk": Bulk(root, from, sink); break;
                case "foldin": FoldIns(impl, seed, from, sink); break;
                case "splittree": SplitTree(root, from, sink); break;
                case "leftchain": LeftChain(root, from, sink); break;
                case "siblings": Siblings(root, from, sink); break;
                case "parentchild": ParentChild(root, from, sink); break;
                case "seeds": Seeds(impl, seed, from, sink); break;
                default: Console.Error.WriteLine("unknown stream " + args[0]); return 2;
            }
        }
        catch (IOException)
        {
            // dieharder closed the pipe when it had read enough, or maxBytes was reached (EndOfStreamException).
        }

        return 0;
    }

    private static void Bulk(PrngKey root, ulong from, WordSink sink)
    {
        var words = new uint[Chunk];
        int skip = (int)(from % Chunk);
        for (uint c = checked((uint)(from / Chunk)); ; c++)
        {
            root.FoldIn(c).Bits(words);
            sink.Write(words.AsSpan(skip));
            skip = 0;
        }
    }

    private static void FoldIns(PrngImpl impl, int seed, ulong from, WordSink sink)
    {
        // FoldIn takes a 32-bit value, so one key yields only 2^32 words (16 GiB), less than dieharder -a reads: a uint
        // index that wraps would repeat the stream. Epoch e therefore folds 0 .. 2^32 - 1 into the root of the 64-bit
        // seed (e << 32) | (uint)seed, i.e. PrngKey.FromWords(e, (uint)seed); epoch 0 is PrngKey.Create(seed) itself.
        // FoldInBits32 is key.FoldIn(i).Bits32() for a run of i, vectorised (equal bit for bit: BatchedKeyTests).
        var words = new uint[Chunk];
        ulong i = unchecked((uint)from);
        for (uint epoch = checked((uint)(from >> 32)); ; epoch++, i = 0)
        {
            var key = PrngKey.FromWords(epoch, unchecked((uint)seed), impl);
            while (i < 1UL << 32)
            {
                var run = words.AsSpan(0, (int)Math.Min(Chunk, (1UL << 32) - i));
                key.FoldInBits32((uint)i, run);
                sink.Write(run);
                i += (ulong)run.Length;
            }
        }
    }

    private static void SplitTree(PrngKey root, ulong from, WordSink sink)
    {
        // Leaf L of a tree is reached from its root by the bits of L, most significant first (0 = First, 1 = Second), so
        // leaves in index order are the depth-first walk, left before right. path[d] is the key at depth d on the way to
        // the current leaf and second[d] the right child of path[d]: each node is split once, as in a recursive walk.
        const int Depth = 24;
        const uint Leaves = 1u << Depth;
        var path = new PrngKey[Depth + 1];
        var second = new PrngKey[Depth];
        var draws = new Bits32Batch(sink);
        uint leaf = (uint)(from % Leaves);
        for (uint tree = checked((uint)(from / Leaves)); ; tree++, leaf = 0)
        {
            path[0] = root.FoldIn(tree);
            Descend(0, leaf);
            while (true)
            {
                draws.Add(path[Depth]);
                if (++leaf == Leaves)
                {
                    break;
                }

                // Going to the next leaf turns right at the depth of its lowest set bit; every deeper step goes left.
                int turn = Depth - 1 - BitOperations.TrailingZeroCount(leaf);
                path[turn + 1] = second[turn];
                Descend(turn + 1, leaf);
            }
        }

        void Descend(int depth, uint target)
        {
            for (int d = depth; d < Depth; d++)
            {
                var (first, right) = path[d].Split();
                second[d] = right;
                path[d + 1] = ((target >> (Depth - 1 - d)) & 1) == 0 ? first : right;
            }
        }
    }

    private static void LeftChain(PrngKey root, ulong from, WordSink sink)
    {
        // key -> key.Split().First is a random mapping of the 64-bit key, so one endless chain enters a cycle after about
        // sqrt(pi * 2^64 / 2) = 5.4e9 steps on average (21.5 GB of output), within what dieharder -a reads: the seed-0
        // partitionable chain repeats from word 4,056,959,719 (16.2 GB) with period 490,760,737 words (1.96 GB).
        // Chain c therefore starts at root.FoldIn(c) and runs 2^16 steps: 65,535 of every 65,536 words still come
        // from successive keys of one chain.
        var draws = new Bits32Batch(sink);
        int start = (int)(from % Chunk);
        for (uint c = checked((uint)(from / Chunk)); ; c++, start = 0)
        {
            var key = root.FoldIn(c);
            for (int step = 0; step < Chunk; step++)
            {
                if (step >= start)
                {
                    draws.Add(key.Clone());
                }

                key = key.Split().First;
            }
        }
    }

    private static void Siblings(PrngKey root, ulong from, WordSink sink)
    {
        var a = new uint[Chunk];
        var b = new uint[Chunk];
        var both = new uint[2 * Chunk];
        var (left, right) = (root.FoldIn(0), root.FoldIn(1));
        int skip = (int)(from % (2 * Chunk));
        for (uint c = checked((uint)(from / (2 * Chunk))); ; c++)
        {
            left.FoldIn(c).Bits(a);
            right.FoldIn(c).Bits(b);
            for (int i = 0; i < Chunk; i++)
            {
                both[2 * i] = a[i];
                both[2 * i + 1] = b[i];
            }

            sink.Write(both.AsSpan(skip));
            skip = 0;
        }
    }

    private static void ParentChild(PrngKey root, ulong from, WordSink sink)
    {
        var parentBits = new uint[Chunk];
        var children = new PrngKey[Chunk];
        var both = new uint[2 * Chunk];
        int skip = (int)(from % (2 * Chunk));
        for (uint c = checked((uint)(from / (2 * Chunk))); ; c++)
        {
            var parent = root.FoldIn(c);
            parent.Clone().Bits(parentBits);
            parent.Split(children);
            for (int i = 0; i < Chunk; i++)
            {
                both[2 * i] = parentBits[i];
                both[2 * i + 1] = children[i].Bits32();
            }

            sink.Write(both.AsSpan(skip));
            skip = 0;
        }
    }

    private static void Seeds(PrngImpl impl, int first, ulong from, WordSink sink)
    {
        // Create(int) has 2^32 seeds (16 GiB of words); an int counter would wrap and repeat them. A 64-bit counter gives
        // the same keys, [0, (uint)s], for the first 2^32 - (uint)first words, then the x64 seeds [s >> 32, (uint)s].
        for (ulong s = unchecked((uint)first) + from; ; s++)
        {
            sink.Write(PrngKey.Create(unchecked((long)s), impl).Bits32());
        }
    }

    /// <summary>Writes <c>key.Bits32()</c> of each key added, in order, drawing them in vectorised batches.</summary>
    private sealed class Bits32Batch
    {
        private readonly WordSink _sink;
        private readonly PrngKey[] _keys = new PrngKey[Chunk];
        private readonly uint[] _words = new uint[Chunk];
        private int _count;

        public Bits32Batch(WordSink sink) => _sink = sink;

        public void Add(PrngKey key)
        {
            _keys[_count++] = key;
            if (_count == Chunk)
            {
                PrngKey.Bits32(_keys, _words);
                _sink.Write(_words);
                _count = 0;
            }
        }
    }

    private sealed class WordSink
    {
        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[4 * Chunk];
        private int _fill;
        private long _remaining;

        public WordSink(Stream stream, long maxBytes)
        {
            _stream = stream;
            _remaining = maxBytes;
        }

        public void Write(uint word)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_fill), word);
            _fill += 4;
            if (_fill == _buffer.Length)
            {
                Flush();
            }
        }

        public void Write(ReadOnlySpan<uint> words)
        {
            foreach (var w in words)
            {
                Write(w);
            }
        }

        private void Flush()
        {
            int count = (int)Math.Min(_fill, _remaining);
            _stream.Write(_buffer, 0, count);
            _remaining -= count;
            _fill = 0;
            if (_remaining <= 0)
            {
                _stream.Flush();
                throw new EndOfStreamException();
            }
        }
    }
}
