#!/usr/bin/env python3
"""Known answers computed independently of RandomPurity: Threefry-2x32 with 20 rounds (Salmon et al., "Parallel
random numbers: as easy as 1, 2, 3", SC'11; the rotation constants and key-schedule parity 0x1BD11BDA of Random123),
in plain Python. Checked on start against Random123's kat_vectors entry for threefry2x32_20 with zero key and counter
(6b200159 99ba4efe) and against the fold_in values JAX publishes (JAX at jax-v0.11.0: tests/random_test.py
testPRNGValues, jax/_src/random/stateful_rng.py docstrings). fold_in(key, d) = threefry2x32(key, (0, d)) in both modes.

    python3 tests/known-answers/threefry2x32.py     prints the values the tests use (fold_in, original-mode
                                                    uniform and normal covariance)
"""
import math
import struct

M = 0xFFFFFFFF
ROTATIONS = [13, 15, 26, 6, 17, 29, 16, 24]


def rotl(x, r):
    return ((x << r) | (x >> (32 - r))) & M


def threefry2x32(k0, k1, x0, x1):
    ks = [k0, k1, k0 ^ k1 ^ 0x1BD11BDA]
    x0 = (x0 + ks[0]) & M
    x1 = (x1 + ks[1]) & M
    for i in range(5):
        for j in range(4):
            x0 = (x0 + x1) & M
            x1 = rotl(x1, ROTATIONS[(i % 2) * 4 + j]) ^ x0
        x0 = (x0 + ks[(i + 1) % 3]) & M
        x1 = (x1 + ks[(i + 2) % 3] + i + 1) & M
    return x0, x1


assert threefry2x32(0, 0, 0, 0) == (0x6B200159, 0x99BA4EFE)      # Random123 kat_vectors
assert threefry2x32(0, 0, 0, 0) == (1797259609, 2579123966)      # JAX stateful_rng docstring: fold_in(key(0), 0)
assert threefry2x32(0, 0, 0, 1) == (928981903, 3453687069)       # JAX stateful_rng docstring: fold_in(key(0), 1)
assert threefry2x32(0, 0, 0, 4) == (2285895361, 433833334)       # JAX tests/random_test.py testPRNGValues

def original_bits(k0, k1, n):
    """random_bits(key, 32, (n,)) in the original (non-partitionable) mode: threefry_2x32(key, iota(n)), one zero
    padded at the end when n is odd, first halves paired with second halves, outputs concatenated (jax-prng.md 3)."""
    c = list(range(n)) + ([0] if n % 2 else [])
    h = len(c) // 2
    pairs = [threefry2x32(k0, k1, c[i], c[h + i]) for i in range(h)]
    return ([p[0] for p in pairs] + [p[1] for p in pairs])[:n]


def f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def uniform_f32(bits, lo, hi):
    """jax.random.uniform, float32: mantissa construction, then u * (hi - lo) + lo, then max(lo, .)."""
    out = []
    for b in bits:
        u = f32(struct.unpack("<f", struct.pack("<I", (b >> 9) | 0x3F800000))[0] - 1.0)
        out.append(max(lo, f32(f32(u * f32(hi - lo)) + lo)))
    return out


def erfinv(y):
    """Inverse of math.erf by bisection then Newton steps: independent of any erf_inv polynomial."""
    lo, hi = -6.0, 6.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if math.erf(mid) < y else (lo, mid)
    x = (lo + hi) / 2
    for _ in range(3):
        x -= (math.erf(x) - y) / (2 / math.sqrt(math.pi) * math.exp(-x * x))
    return x


def cov_rows(rows):
    means = [sum(r) / len(r) for r in rows]
    return [[sum((a - ma) * (b - mb) for a, b in zip(ra, rb)) / (len(ra) - 1) for rb, mb in zip(rows, means)]
            for ra, ma in zip(rows, means)]


if __name__ == "__main__":
    for d in (0, 1, 4, 7, 0x9E3779B9):
        print(f"fold_in(PRNGKey(0), {d}) = {list(threefry2x32(0, 0, 0, d))}")
    # Original mode, PRNGKey(42) = [0, 42]: uniform(key, (3, 3), -10, 10) to two decimals.
    print("original uniform(PRNGKey(42), (3,3), -10, 10) =", [round(v, 2) for v in uniform_f32(original_bits(0, 42, 9), -10.0, 10.0)])
    # Original mode, PRNGKey(0): cov(normal(key, (3, 100))), normal = sqrt(2) erfinv(uniform(nextafter(-1, 0), 1)).
    lo = struct.unpack("<f", struct.pack("<I", 0xBF7FFFFF))[0]
    x = [math.sqrt(2) * erfinv(u) for u in uniform_f32(original_bits(0, 0, 300), lo, 1.0)]
    c = cov_rows([x[0:100], x[100:200], x[200:300]])
    print("original cov(normal(PRNGKey(0), (3,100))) =", [round(v, 2) for row in c for v in row])
