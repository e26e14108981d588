namespace RandomPurity;

/// <summary>Which threefry algorithm family a key belongs to. It is part of the key's value, never global state.</summary>
public enum PrngImpl : byte
{
    /// <summary>JAX &gt;= 0.5.0 default (<c>jax_threefry_partitionable=True</c>).</summary>
    Threefry2x32 = 0,

    /// <summary>JAX &lt;= 0.4.38 default (<c>jax_threefry_partitionable=False</c>).</summary>
    Threefry2x32Legacy = 1,
}
