#!/usr/bin/env python3
"""Generates an ordinary C# code base for the analyzer-cost benchmark (run.sh).

Business and numeric code: loops, LINQ (method and query syntax), lambdas, local functions, string building,
dictionaries, pattern matching. About 2 % of the methods use System.Random and about 1 % use PrngKey, as in the
code base issue 19 measured. Deterministic for a given --seed. Usage: generate.py OUTDIR [--lines N] [--seed S]
"""
import argparse
import os
import random

ORDINARY = []


def template(fn):
    ORDINARY.append(fn)
    return fn


@template
def loop_sum(r, n):
    return f"""
    public static double Total{n}(IReadOnlyList<Order> orders, double threshold)
    {{
        double total = 0;
        var count = 0;
        for (var i = 0; i < orders.Count; i++)
        {{
            var order = orders[i];
            if (order.Amount > threshold && order.Status != OrderStatus.Cancelled)
            {{
                total += order.Amount * (1 + order.TaxRate);
                count++;
            }}
            else if (order.Status == OrderStatus.Pending)
            {{
                total += order.Amount / 2;
            }}
        }}

        return count == 0 ? 0 : total / count + {r.randint(1, 99)};
    }}
"""


@template
def linq_method(r, n):
    return f"""
    public static List<CustomerSummary> Summaries{n}(IEnumerable<Order> orders)
    {{
        return orders
            .Where(o => o.Status == OrderStatus.Shipped && o.Amount > {r.randint(1, 500)})
            .GroupBy(o => o.CustomerId)
            .Select(g => new CustomerSummary(g.Key, g.Count(), g.Sum(o => o.Amount), g.Max(o => o.CreatedAt)))
            .OrderByDescending(s => s.Total)
            .ThenBy(s => s.CustomerId)
            .Take({r.randint(5, 50)})
            .ToList();
    }}
"""


@template
def linq_query(r, n):
    return f"""
    public static IEnumerable<string> Labels{n}(IEnumerable<Order> orders, IReadOnlyDictionary<int, string> names)
    {{
        var query =
            from o in orders
            where o.Amount >= {r.randint(1, 100)} && names.ContainsKey(o.CustomerId)
            let name = names[o.CustomerId]
            orderby name, o.Amount descending
            select $"{{name}}: {{o.Amount:F2}} ({{o.Status}})";
        return query.Distinct().ToArray();
    }}
"""


@template
def string_building(r, n):
    return f"""
    public static string Report{n}(IReadOnlyList<Order> orders, string title)
    {{
        var builder = new StringBuilder();
        builder.AppendLine(title.ToUpperInvariant());
        builder.Append('-', title.Length).AppendLine();
        foreach (var order in orders)
        {{
            if (order.Amount < {r.randint(1, 20)})
            {{
                continue;
            }}

            builder.Append(order.Id).Append(';')
                .Append(order.CustomerId.ToString(CultureInfo.InvariantCulture)).Append(';')
                .Append(order.Amount.ToString("F2", CultureInfo.InvariantCulture)).Append(';')
                .AppendLine(order.Status.ToString());
        }}

        var text = builder.ToString();
        return string.IsNullOrEmpty(text) ? string.Empty : text.Trim() + $" [{{orders.Count}} rows]";
    }}
"""


@template
def lambdas(r, n):
    return f"""
    public static Func<double, double> Pipeline{n}(double scale, double offset)
    {{
        Func<double, double> first = x => x * scale;
        Func<double, double> second = x => x + offset;
        double Clamp(double value) => Math.Max(-{r.randint(10, 1000)}, Math.Min({r.randint(10, 1000)}, value));
        var steps = new List<Func<double, double>> {{ first, second, Clamp }};
        return x =>
        {{
            var value = x;
            foreach (var step in steps)
            {{
                value = step(value);
            }}

            return value;
        }};
    }}
"""


@template
def dictionary(r, n):
    return f"""
    public static Dictionary<string, int> WordCounts{n}(IEnumerable<string> lines)
    {{
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {{
            foreach (var word in line.Split(new[] {{ ' ', ',', ';' }}, StringSplitOptions.RemoveEmptyEntries))
            {{
                if (word.Length < {r.randint(1, 4)})
                {{
                    continue;
                }}

                counts.TryGetValue(word, out var current);
                counts[word] = current + 1;
            }}
        }}

        foreach (var key in counts.Keys.Where(k => counts[k] == 1).ToList())
        {{
            counts.Remove(key);
        }}

        return counts;
    }}
"""


@template
def patterns(r, n):
    return f"""
    public static string Describe{n}(object value, int depth)
    {{
        var description = value switch
        {{
            null => "nothing",
            int i when i > {r.randint(1, 100)} => "large " + i,
            int i => "small " + i,
            string {{ Length: 0 }} => "empty text",
            string s => "text of " + s.Length,
            Order {{ Status: OrderStatus.Cancelled }} o => "cancelled order " + o.Id,
            Order o => $"order {{o.Id}} for {{o.Amount}}",
            IEnumerable<int> items => "sequence of " + items.Count(),
            _ => value.GetType().Name,
        }};
        return depth > 0 ? Describe{n}(description, depth - 1) : description;
    }}
"""


@template
def numeric(r, n):
    return f"""
    public static double[] Smooth{n}(double[] data, int window)
    {{
        if (window <= 0)
        {{
            throw new ArgumentOutOfRangeException(nameof(window));
        }}

        var result = new double[data.Length];
        var sum = 0.0;
        for (var i = 0; i < data.Length; i++)
        {{
            sum += data[i];
            if (i >= window)
            {{
                sum -= data[i - window];
            }}

            result[i] = sum / Math.Min(i + 1, window) * {r.randint(1, 9)}.0 / {r.randint(1, 9)}.0;
        }}

        var mean = result.Length == 0 ? 0 : result.Average();
        var variance = result.Length == 0 ? 0 : result.Select(x => (x - mean) * (x - mean)).Sum() / result.Length;
        return variance > {r.randint(1, 100)} ? result.Select(x => (x - mean) / Math.Sqrt(variance)).ToArray() : result;
    }}
"""


@template
def async_like(r, n):
    return f"""
    public static async Task<int> Process{n}(IEnumerable<Order> orders, Func<Order, Task<bool>> check)
    {{
        var accepted = 0;
        var tasks = orders.Select(async o => (Order: o, Ok: await check(o).ConfigureAwait(false))).ToList();
        foreach (var task in tasks)
        {{
            var (order, ok) = await task.ConfigureAwait(false);
            if (ok && order.Amount > {r.randint(1, 50)})
            {{
                accepted++;
            }}
        }}

        return accepted;
    }}
"""


def random_method(r, n):
    kind = n % 3
    if kind == 0:
        return f"""
    public static List<int> Sample{n}(int count, int seed)
    {{
        var rng = new Random(seed);
        var values = new List<int>(count);
        for (var i = 0; i < count; i++)
        {{
            values.Add(rng.Next(0, {r.randint(10, 1000)}));
        }}

        return values;
    }}
"""
    if kind == 1:
        return f"""
    public static double Jitter{n}(double value, Random rng)
    {{
        var noise = rng.NextDouble() - 0.5;
        return value + noise * {r.randint(1, 10)};
    }}
"""
    return f"""
    public static T Pick{n}<T>(IReadOnlyList<T> items)
    {{
        var index = Random.Shared.Next(items.Count);
        return items[index];
    }}
"""


def key_method(r, n):
    kind = n % 3
    if kind == 0:
        return f"""
    public static float[] Noise{n}(int seed, int count)
    {{
        var key = PrngKey.Create(seed);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {{
            (key, var sub) = key.Split();
            values[i] = sub.UniformSingle();
        }}

        return values;
    }}
"""
    if kind == 1:
        return f"""
    public static double Draw{n}(PrngKey key, double scale)
    {{
        var (left, right) = key.Split();
        return left.Uniform() * scale + right.Normal() * {r.randint(1, 10)};
    }}
"""
    return f"""
    public static int[] Indices{n}(PrngKey key, int count)
    {{
        return Enumerable.Range(0, count).Select(i => key.FoldIn(i).Int32(0, {r.randint(10, 1000)})).ToArray();
    }}
"""


HEADER = """// Ordinary code for the analyzer-cost benchmark (no generated-code marker: the analyzers would skip it).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using RandomPurity;

namespace CostBench.Module{module};

"""

MODEL = """using System;

namespace CostBench;

public enum OrderStatus { Pending, Shipped, Cancelled }

public sealed record Order(int Id, int CustomerId, double Amount, double TaxRate, OrderStatus Status, DateTime CreatedAt);

public sealed record CustomerSummary(int CustomerId, int Count, double Total, DateTime Last);
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--lines", type=int, default=40000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one-file", action="store_true", help="all services in one file (the IDE measurement)")
    args = parser.parse_args()
    r = random.Random(args.seed)
    os.makedirs(args.outdir, exist_ok=True)
    with open(os.path.join(args.outdir, "Model.cs"), "w") as f:
        f.write(MODEL)

    lines = MODEL.count("\n")
    methods = randoms = keys = 0
    file_index = 0
    one_file = []
    while lines < args.lines:
        parts = [HEADER.format(module=file_index // 10)] if not (args.one_file and file_index > 0) else []
        for class_index in range(4):
            parts.append(f"public static class Service{file_index}_{class_index}\n{{")
            for _ in range(6):
                n = methods
                methods += 1
                roll = r.random()
                if roll < 0.01:
                    keys += 1
                    parts.append(key_method(r, n))
                elif roll < 0.03:
                    randoms += 1
                    parts.append(random_method(r, n))
                else:
                    parts.append(r.choice(ORDINARY)(r, n))
            parts.append("}\n")
        text = "\n".join(parts).replace("using CostBench", "using CostBench")
        text = text.replace("using RandomPurity;\n", "using RandomPurity;\nusing CostBench;\n", 1)
        if args.one_file:
            one_file.append(text)
        else:
            with open(os.path.join(args.outdir, f"Services{file_index:03}.cs"), "w") as f:
                f.write(text)
        lines += text.count("\n")
        file_index += 1

    if args.one_file:
        with open(os.path.join(args.outdir, "Services.cs"), "w") as f:
            f.write("".join(one_file))

    print(f"generated {file_index + 1} files, {lines} lines, {methods} methods: "
          f"{randoms} with System.Random ({100.0 * randoms / methods:.1f} %), {keys} with PrngKey ({100.0 * keys / methods:.1f} %)")


if __name__ == "__main__":
    main()
