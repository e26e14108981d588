using System;
using System.Buffers.Binary;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code: System.Security.Cryptography needs OpenSSL, which the linux-arm64 run under
/// qemu-user does not have (only the C and C++ runtimes of libc6-arm64-cross and libstdc++6-arm64-cross). Checked at
/// start-up against the FIPS 180-2 example digest of "abc".
/// </summary>
internal sealed class Sha256
{
    private static readonly uint[] K =
    {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    private readonly uint[] _h = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    private readonly byte[] _block = new byte[64];
    private readonly uint[] _w = new uint[64];
    private int _filled;
    private ulong _length;

    internal static string Hex(ReadOnlySpan<byte> data)
    {
        var sha = new Sha256();
        sha.Append(data);
        return sha.HexDigest();
    }

    internal static void SelfTest()
    {
        const string Abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        const string Million = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"; // one million 'a'
        var a = new byte[1_000_000];
        a.AsSpan().Fill((byte)'a');
        if (Hex("abc"u8) != Abc || Hex(a) != Million)
        {
            throw new InvalidOperationException("SHA-256 self-test failed");
        }
    }

    internal void Append(ReadOnlySpan<byte> data)
    {
        _length += (ulong)data.Length;
        while (data.Length > 0)
        {
            int n = Math.Min(64 - _filled, data.Length);
            data[..n].CopyTo(_block.AsSpan(_filled));
            _filled += n;
            data = data[n..];
            if (_filled == 64)
            {
                Compress();
                _filled = 0;
            }
        }
    }

    internal string HexDigest()
    {
        ulong bits = _length * 8;
        Append(new byte[] { 0x80 });
        while (_filled != 56)
        {
            Append(new byte[1]);
        }

        Span<byte> tail = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(tail, bits);
        Append(tail);
        var digest = new byte[32];
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(4 * i), _h[i]);
        }

        return Convert.ToHexString(digest).ToLowerInvariant();
    }

    private void Compress()
    {
        for (int t = 0; t < 16; t++)
        {
            _w[t] = BinaryPrimitives.ReadUInt32BigEndian(_block.AsSpan(4 * t));
        }

        for (int t = 16; t < 64; t++)
        {
            uint s0 = uint.RotateRight(_w[t - 15], 7) ^ uint.RotateRight(_w[t - 15], 18) ^ (_w[t - 15] >> 3);
            uint s1 = uint.RotateRight(_w[t - 2], 17) ^ uint.RotateRight(_w[t - 2], 19) ^ (_w[t - 2] >> 10);
            _w[t] = _w[t - 16] + s0 + _w[t - 7] + s1;
        }

        uint a = _h[0], b = _h[1], c = _h[2], d = _h[3], e = _h[4], f = _h[5], g = _h[6], h = _h[7];
        for (int t = 0; t < 64; t++)
        {
            uint t1 = h + (uint.RotateRight(e, 6) ^ uint.RotateRight(e, 11) ^ uint.RotateRight(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + _w[t];
            uint t2 = (uint.RotateRight(a, 2) ^ uint.RotateRight(a, 13) ^ uint.RotateRight(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }

        _h[0] += a; _h[1] += b; _h[2] += c; _h[3] += d; _h[4] += e; _h[5] += f; _h[6] += g; _h[7] += h;
    }
}
