#!/usr/bin/env python3
"""Reads the build logs run.sh wrote and prints RandomPurity's share of the Csc task time (markdown tables)."""
import glob
import os
import re
import statistics
import sys

CSC = re.compile(r"^\s*(\d+) ms\s+Csc\s+\d+ calls", re.M)
ASSEMBLY = re.compile(r"^\s*([<\d.]+)\s+[<\d]+\s+RandomPurity\.Analyzers, Version", re.M)
RULE = re.compile(r"^\s*([<\d.]+)\s+[<\d]+\s+RandomPurity\.Analyzers\.(?:Rules\.)?(\w+) \(([^)]*)\)", re.M)
TOTAL = re.compile(r"Total analyzer execution time: ([\d.]+) seconds")
WARNING = re.compile(r"warning (RP\d{4}|AD0001)")


def seconds(text):
    return 0.0005 if text.startswith("<") else float(text)


def parse(path):
    text = open(path, errors="replace").read()
    csc = CSC.search(text)
    result = {"csc": int(csc.group(1)) / 1000.0 if csc else float("nan")}
    assembly = ASSEMBLY.search(text)
    result["rp"] = seconds(assembly.group(1)) if assembly else 0.0
    total = TOTAL.search(text)
    result["all"] = float(total.group(1)) if total else 0.0
    result["rules"] = {f"{name} ({ids})": seconds(t) for t, name, ids in RULE.findall(text)}
    # MSBuild repeats each warning in its summary: count distinct lines.
    lines = {line.strip() for line in text.splitlines() if WARNING.search(line)}
    result["warnings"] = {}
    for line in lines:
        rule = WARNING.search(line).group(1)
        result["warnings"][rule] = result["warnings"].get(rule, 0) + 1
    return result


def main():
    logs, runs = sys.argv[1], int(sys.argv[2])
    configs = [("without", "no RandomPurity (SDK analyzers on)"),
               ("with", "RandomPurity + SDK analyzers"),
               ("with-nosdk", "RandomPurity, SDK analyzers off")]
    print("| build | run | Csc task (s) | all analyzers (s) | RandomPurity (s) | RandomPurity / Csc |")
    print("|---|---|---|---|---|---|")
    medians = {}
    parsed = {}
    for key, label in configs:
        rows = []
        for i in range(1, runs + 1):
            path = os.path.join(logs, f"{key}-{i}.log")
            if not os.path.exists(path):
                continue
            r = parse(path)
            rows.append(r)
            share = r["rp"] / r["csc"] * 100 if r["csc"] else float("nan")
            print(f"| {label} | {i} | {r['csc']:.2f} | {r['all']:.3f} | {r['rp']:.3f} | {share:.2f} % |")
        if rows:
            parsed[key] = rows
            medians[key] = (statistics.median(r["csc"] for r in rows), statistics.median(r["rp"] for r in rows),
                            statistics.median(r["rp"] / r["csc"] * 100 for r in rows))
    print()
    print("| build | median Csc (s) | median RandomPurity (s) | median share |")
    print("|---|---|---|---|")
    for key, label in configs:
        if key in medians:
            csc, rp, share = medians[key]
            print(f"| {label} | {csc:.2f} | {rp:.3f} | **{share:.2f} %** |")
    for key in ("with", "with-nosdk"):
        if key not in parsed:
            continue
        print()
        print(f"Per analyzer ({key}, median of {len(parsed[key])} runs, seconds):")
        print()
        names = sorted({n for r in parsed[key] for n in r["rules"]})
        for name in sorted(names, key=lambda n: -statistics.median(r["rules"].get(n, 0) for r in parsed[key])):
            print(f"- {name}: {statistics.median(r['rules'].get(name, 0) for r in parsed[key]):.3f}")
        warnings = parsed[key][0]["warnings"]
        print()
        print("Diagnostics reported (run 1): " + (", ".join(f"{k} x{v}" for k, v in sorted(warnings.items())) or "none"))


if __name__ == "__main__":
    main()
