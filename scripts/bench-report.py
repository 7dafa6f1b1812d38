#!/usr/bin/python3
# SPDX-License-Identifier: BSL-1.0
# Helper of scripts/bench (standard library only): orders the benchmark names, reads the
# Google Benchmark JSON files (one per benchmark, --benchmark_report_aggregates_only=true)
# and writes the Markdown tables of docs/performance.md and the data and script of the
# gnuplot figure docs/performance-ratios.png.
#
#   bench-report.py order < names             "program<TAB>name" lines, sorted by workload,
#                                             task, then hand, leibniz, peers
#   bench-report.py median FILE TIME          "<median ns> <cv %>" of one JSON file
#   bench-report.py report --results DIR --meta FILE --time cpu|real
#                   [--markdown FILE] [--plot-data FILE --plot-script FILE
#                    --png FILE --terminal pngcairo|png]
#                                             prints the Markdown block to stdout
#
# DIR holds <name with / as .>.json per benchmark and failed.txt (one failed benchmark
# name per line); the meta file holds "key<TAB>value" lines, printed in that order.
import argparse
import json
import math
import os
import sys

WORKLOADS = ["W1_n2", "W1_n1024", "W2", "W3", "W4", "W5_K2", "W5_K64", "W6",
             "W7_100x10", "W7_10000x10", "W7_1000x100", "W8", "W9_n1e3", "W9_n1e6", "Step_n1e3", "Step_n1e6"]
TASKS = ["value", "grad", "hessian", "jacobian", "vjp", "partials", "update"]
# The library tokens of bench/workloads.hpp, in the order of the tables and the figure; a
# variant (leibniz_dynamic, adolc_retape, ...) follows its library. torch is
# bench/peers/torch_bench.py (the tensor workloads only).
LIBRARIES = ["hand", "leibniz", "sacado", "adolc", "boost", "eigen", "ceres", "torch"]

# The library every table's second ratio column divides by, where it was measured.
SECOND_REFERENCE = "torch"

# The targets of the performance issues: (workload, task, numerator library, denominator
# (workload, task, library), bound). The ratio is numerator median / denominator median.
TARGETS = [
    ("W1_n2", "grad", "leibniz", ("W1_n2", "grad", "hand"), 1.05),
    ("W1_n1024", "grad", "leibniz", ("W1_n1024", "grad", "hand"), 1.2),
    ("W2", "grad", "leibniz", ("W2", "grad", "hand"), 1.05),
    ("W2", "hessian", "leibniz", ("W2", "hessian", "hand"), 1.2),
    ("W3", "grad", "leibniz", ("W3", "grad", "hand"), 1.5),
    ("W3", "grad", "leibniz", ("W3", "value", "leibniz"), 3.0),
    ("W4", "jacobian", "leibniz", ("W4", "jacobian", "hand"), 1.1),
    ("W5_K64", "vjp", "leibniz", ("W5_K64", "vjp", "hand"), 1.0),
    ("W6", "partials", "leibniz", ("W6", "partials", "hand"), 1.5),
    # issue 11: the tensor workloads (leibniz on lz::tensor), and faster than PyTorch
    ("W5_K64", "jacobian", "leibniz", ("W5_K64", "jacobian", "hand"), 2.0),
    ("W7_100x10", "grad", "leibniz", ("W7_100x10", "grad", "hand"), 1.5),
    ("W7_10000x10", "grad", "leibniz", ("W7_10000x10", "grad", "hand"), 1.5),
    ("W7_1000x100", "grad", "leibniz", ("W7_1000x100", "grad", "hand"), 1.5),
    ("W8", "grad", "leibniz", ("W8", "grad", "hand"), 1.5),
    ("W9_n1e6", "grad", "leibniz", ("W9_n1e6", "grad", "hand"), 1.2),
    ("W5_K64", "jacobian", "leibniz_dynamic", ("W5_K64", "jacobian", "torch"), 1.0),
    ("W7_100x10", "grad", "leibniz", ("W7_100x10", "grad", "torch"), 1.0),
    ("W7_10000x10", "grad", "leibniz", ("W7_10000x10", "grad", "torch"), 1.0),
    ("W7_1000x100", "grad", "leibniz", ("W7_1000x100", "grad", "torch"), 1.0),
    ("W8", "grad", "leibniz", ("W8", "grad", "torch"), 1.0),
    ("W9_n1e3", "grad", "leibniz", ("W9_n1e3", "grad", "torch"), 1.0),
    ("W9_n1e6", "grad", "leibniz", ("W9_n1e6", "grad", "torch"), 1.0),
]

TO_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


def split(name):
    """("W2", "grad", "leibniz") from "W2/grad/leibniz"; None if not of that form."""
    parts = name.split("/")
    return tuple(parts) if len(parts) == 3 else None


def index_or_end(seq, x):
    return seq.index(x) if x in seq else len(seq)


def lib_key(lib):
    """Sort key of a library token: its base library's place, then the base before its variants."""
    base = lib.split("_", 1)[0]
    return (index_or_end(LIBRARIES, base), base, lib != base, lib)


def sort_key(name):
    p = split(name)
    if p is None:
        return (len(WORKLOADS) + 1, 0, 0, name)
    w, t, lib = p
    return (index_or_end(WORKLOADS, w), index_or_end(TASKS, t), lib_key(lib), name)


def file_name(name):
    return name.replace("/", ".") + ".json"


def read_result(path, time_field):
    """(median ns, cv %, heap allocations per call or None) of one benchmark's JSON, or None."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None
    median = cv = allocs = None
    for b in data.get("benchmarks", []):
        if b.get("run_type") != "aggregate":
            continue
        if b.get("aggregate_name") == "median":
            median = b[time_field] * TO_NS[b.get("time_unit", "ns")]
            allocs = b.get("allocs_per_call")   # the counter of bench/tensor_bench.cpp
        elif b.get("aggregate_name") == "cv":
            cv = 100.0 * b[time_field]   # a fraction, whatever time_unit says
    if median is None:
        return None
    return median, cv, allocs


def fmt_ns(ns):
    if ns < 10:
        return f"{ns:.2f}"
    if ns < 1000:
        return f"{ns:.1f}"
    return f"{ns:,.0f}"


def fmt_ratio(r, digits=2):
    if r < 0.1:
        return f"{r:.{digits}g}"   # two significant digits, not 0.00 (hand / torch: 0.00076)
    if r < 10:
        return f"{r:.{digits}f}"
    if r < 100:
        return f"{r:.1f}"
    return f"{r:,.0f}"


def load(results, time_field):
    """{(w, t, lib): (median, cv)} and the set of failed names."""
    data = {}
    for entry in sorted(os.listdir(results)):
        if not entry.endswith(".json"):
            continue
        name = entry[: -len(".json")].replace(".", "/")
        p = split(name)
        r = read_result(os.path.join(results, entry), time_field)
        if p is not None and r is not None:
            data[p] = r
    failed = set()
    path = os.path.join(results, "failed.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            failed = {line.strip() for line in f if line.strip()}
    return data, failed


def markdown(data, failed, meta, time_field):
    out = []
    for key, value in meta:
        out.append(f"- {key}: {value}")
    out.append("")
    out.append(f"Times are the median over the repetitions of Google Benchmark's `{time_field}_time` per call, "
               "in nanoseconds; *ratio* is that median divided by the median of the hand-written code "
               "for the same workload and task (hand = 1.00; lower is faster); where PyTorch was "
               "measured (the tensor workloads), *ratio to torch* divides by PyTorch's median likewise; "
               "*cv* is the coefficient of variation over the repetitions.")
    out.append("")
    libs_seen = sorted({lib for (_, _, lib) in data} | {split(n)[2] for n in failed if split(n)},
                       key=lib_key)
    keys = sorted({(w, t) for (w, t, _) in data} | {split(n)[:2] for n in failed if split(n)},
                  key=lambda k: (index_or_end(WORKLOADS, k[0]), index_or_end(TASKS, k[1]), k))
    for w, t in keys:
        hand = data.get((w, t, "hand"))
        second = data.get((w, t, SECOND_REFERENCE))
        rows = []
        for lib in libs_seen:
            name = f"{w}/{t}/{lib}"
            if name in failed:
                rows.append((math.inf, lib, "FAILED", "result mismatch: see the log", "", ""))
            elif (w, t, lib) in data:
                ns, cv, _ = data[(w, t, lib)]
                ratio = ns / hand[0] if hand else None
                rows.append((ratio if ratio is not None else math.inf, lib, fmt_ns(ns),
                             fmt_ratio(ratio) if ratio is not None else "-",
                             fmt_ratio(ns / second[0]) if second else "",
                             f"{cv:.1f}" if cv is not None else "-"))
        rows.sort(key=lambda r: (r[0], lib_key(r[1])))
        # Variants (leibniz_dynamic, adolc_retape) exist for some tasks only: not listed.
        missing = [lib for lib in libs_seen if "_" not in lib and (w, t, lib) not in data
                   and f"{w}/{t}/{lib}" not in failed]
        out.append(f"### {w} {t}")
        out.append("")
        if second:
            out.append(f"| library | median ns | ratio to hand | ratio to {SECOND_REFERENCE} | cv % |")
            out.append("|---|---:|---:|---:|---:|")
            for _, lib, ns, ratio, ratio2, cv in rows:
                out.append(f"| {lib} | {ns} | {ratio} | {ratio2} | {cv} |")
        else:
            out.append("| library | median ns | ratio to hand | cv % |")
            out.append("|---|---:|---:|---:|")
            for _, lib, ns, ratio, _, cv in rows:
                out.append(f"| {lib} | {ns} | {ratio} | {cv} |")
        if missing:
            out.append("")
            out.append("Not measured here: " + ", ".join(missing) + ".")
        allocs = [f"{lib} {data[(w, t, lib)][2]:g}" for lib in libs_seen
                  if (w, t, lib) in data and data[(w, t, lib)][2] is not None]
        if allocs:
            out.append("")
            out.append("Heap allocations per call in the timed loop: " + ", ".join(allocs) + ".")
        out.append("")

    out.append("### Targets")
    out.append("")
    out.append("The targets of the performance issues: the library named first in the first column "
               "(`leibniz` is the fixed-size evaluation where a `leibniz_dynamic` variant exists, and "
               "`lz::tensor` for W7, W8 and W9) against the reference named second; *met* when the "
               "measured ratio is at most the bound (a bound of 1 against torch: leibniz is faster).")
    out.append("")
    out.append("| ratio | bound | measured | result |")
    out.append("|---|---:|---:|---|")
    for w, t, lib, (dw, dt, dlib), bound in TARGETS:
        num_name, den_name = f"{w}/{t}/{lib}", f"{dw}/{dt}/{dlib}"
        if (dw, dt) == (w, t):
            label = f"{w} {t}: {lib} / {dlib}"
        else:
            label = f"{w} {t} ({lib}) / {dw} {dt} ({dlib})"
        num, den = data.get((w, t, lib)), data.get((dw, dt, dlib))
        if num_name in failed or den_name in failed:
            measured, result = "-", "FAILED"
        elif num is None or den is None:
            measured, result = "-", "not measured"
        else:
            r = num[0] / den[0]
            measured, result = fmt_ratio(r, 3), ("met" if r <= bound else "missed")
        out.append(f"| {label} | ≤ {bound:g} | {measured} | {result} |")
    return "\n".join(out) + "\n"


def plot(data, failed, plot_data, plot_script, png, terminal, time_field):
    keys = sorted({(w, t) for (w, t, _) in data if (w, t, "hand") in data},
                  key=lambda k: (index_or_end(WORKLOADS, k[0]), index_or_end(TASKS, k[1]), k))
    libs = sorted({lib for (_, _, lib) in data}, key=lib_key)
    with open(plot_data, "w", encoding="utf-8") as f:
        f.write("# workload/task " + " ".join(libs) + f"  (ratio of median {time_field}_time to hand)\n")
        for w, t in keys:
            hand = data[(w, t, "hand")][0]
            vals = []
            for lib in libs:
                v = data.get((w, t, lib))
                vals.append(f"{v[0] / hand:.6g}" if v else "NaN")
            f.write(f"\"{w} {t}\" " + " ".join(vals) + "\n")
    ratios = [v[0] / data[(w, t, "hand")][0] for (w, t, lib), v in data.items() if (w, t, "hand") in data]
    top = 10 ** math.ceil(math.log10(max(ratios + [2.0])) + 0.05)
    bottom = 10 ** math.floor(math.log10(min(ratios + [0.5])) - 0.05)
    n = len(libs)
    lines = [
        f"set terminal {terminal} size 1400,700 noenhanced" + (" font 'sans,10'" if terminal == "pngcairo" else ""),
        f"set output '{png}'",
        "set datafile missing 'NaN'",
        f"set title 'Median {time_field} time per call, relative to the hand-written code (hand = 1; lower is faster; log scale)'",
        "set logscale y",
        f"set yrange [{bottom:g}:{top:g}]",
        f"set xrange [-0.6:{len(keys) - 0.4}]",
        "set ylabel 'ratio to hand'",
        "set grid ytics mytics",
        "set key outside right top",
        "set xtics (" + ", ".join(f'"{w}\\n{t}" {i}' for i, (w, t) in enumerate(keys)) + ") scale 0",
        "set x2tics (" + ", ".join(f'"" {i + 0.5}' for i in range(len(keys) - 1)) + ") scale 0",
        "set grid x2tics linecolor rgb '#c0c0c0'",
        "set x2range [-0.6:" + f"{len(keys) - 0.4}]",
        "set bmargin 4",
        "set arrow from graph 0, first 1 to graph 1, first 1 nohead dashtype 2 linecolor rgb '#808080'",
    ]
    plots = []
    for k, lib in enumerate(libs):
        dx = (k - (n - 1) / 2) * min(0.09, 0.8 / max(n, 1))
        pt = [7, 5, 9, 11, 13, 15, 4, 6, 8, 10, 12, 14][k % 12]
        plots.append(f"'{plot_data}' using ($0 + {dx:.3f}):{k + 2} with points pointtype {pt} "
                     f"pointsize 1.6 title '{lib}'")
    lines.append("plot " + ", \\\n     ".join(plots))
    with open(plot_script, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "order":
        rows = [line.rstrip("\n").split("\t") for line in sys.stdin if line.strip()]
        for program, name in sorted(rows, key=lambda r: sort_key(r[1])):
            print(f"{program}\t{name}")
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "median":
        r = read_result(sys.argv[2], sys.argv[3] + "_time")
        if r is None:
            return 1
        print(f"{fmt_ns(r[0])} {r[1]:.1f}" if r[1] is not None else f"{fmt_ns(r[0])} -")
        return 0
    ap = argparse.ArgumentParser(prog="bench-report.py report")
    ap.add_argument("command", choices=["report"])
    ap.add_argument("--results", required=True)
    ap.add_argument("--meta", required=True)
    ap.add_argument("--time", choices=["cpu", "real"], required=True)
    ap.add_argument("--markdown")
    ap.add_argument("--plot-data")
    ap.add_argument("--plot-script")
    ap.add_argument("--png")
    ap.add_argument("--terminal", default="pngcairo")
    args = ap.parse_args()
    time_field = args.time + "_time"
    data, failed = load(args.results, time_field)
    meta = []
    with open(args.meta, encoding="utf-8") as f:
        for line in f:
            if "\t" in line:
                k, v = line.rstrip("\n").split("\t", 1)
                meta.append((k, v))
    md = markdown(data, failed, meta, args.time)
    sys.stdout.write(md)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(md)
    if args.plot_script and data:
        plot(data, failed, args.plot_data, args.plot_script, args.png, args.terminal, args.time)
    return 0


if __name__ == "__main__":
    sys.exit(main())
