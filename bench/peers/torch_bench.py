#!/usr/bin/python3
# SPDX-License-Identifier: BSL-1.0
# leibniz peer benchmark: PyTorch (Debian python3-torch 1.13) on the tensor workloads W7, W8,
# W9 and the W5_K64 Jacobian (bench/workloads.hpp); benchmarks named <workload>/<task>/torch.
# Run with /usr/bin/python3 (the Debian interpreter that has torch), by scripts/bench when
# `/usr/bin/python3 -c 'import torch'` works; not built or run by CMake/ctest.
#
# What is timed is what a PyTorch user writes, in eager mode: float64 tensors, one intra-op
# thread (torch.set_num_threads(1), as the C++ benchmarks run on one core), the inputs built
# once, and per call the forward pass and torch.autograd.grad (W7, W8, W9), or
# torch.autograd.functional.jacobian (W5_K64, the default vectorize=False: one backward pass
# per output element; the variant torch_vectorize passes vectorize=True, one batched
# backward pass through vmap). The data are the same formulas as in workloads.hpp (equal
# to the C++ data up to the last bit of sin/cos). Before timing, each benchmark checks its
# result against the closed form (the hand-written formula of workloads.hpp, here in float64
# torch operations without autograd) with lzbench::require_close's rule (relative 1e-12, a
# floor tied to the largest entry); on a mismatch it prints the first wrong element and
# exits with status 1.
#
# The command line is the subset of Google Benchmark's that scripts/bench uses, and the
# output is Google Benchmark's JSON (--benchmark_format=json) or a console table:
#   --benchmark_list_tests=true      print the names and exit
#   --benchmark_filter=REGEX         run the names that REGEX matches (re.search)
#   --benchmark_repetitions=N        N repetitions (default 1)
#   --benchmark_min_time=S           each repetition runs at least S seconds (default 0.5)
#   --benchmark_report_aggregates_only=true   report mean, median, stddev, cv only
#   --benchmark_format=json|console
# A repetition runs the call k times in a row (k doubled from 1 until one batch lasts at
# least S / 10, then chosen to fill S), timed with time.perf_counter (real_time) and
# time.process_time (cpu_time); its time per call is the batch's time over k.
import argparse
import json
import math
import re
import statistics
import sys
import time

try:
    import torch
except ImportError as e:  # scripts/bench checks first; this is for a direct run
    print(f"torch_bench.py: cannot import torch ({e}); run with /usr/bin/python3 "
          "(Debian python3-torch)", file=sys.stderr)
    sys.exit(2)

torch.set_num_threads(1)
F64 = torch.float64


# ---- data: the formulas of bench/workloads.hpp --------------------------------------------

def index_tensor(n):
    return torch.arange(n, dtype=F64)


def w7_data(m, k):
    X = torch.sin(index_tensor(m * k)).reshape(m, k)                    # X_ij = sin(i k + j)
    y = torch.where(torch.arange(m) % 3 == 0, -1.0, 1.0).to(F64)        # -1 if i % 3 == 0
    w = 0.1 * torch.cos(index_tensor(k))                                # w_j = 0.1 cos(j)
    return X, y, w


W8_B, W8_D, W8_H = 256, 16, 64


def w8_data():
    X = torch.sin(index_tensor(W8_B * W8_D)).reshape(W8_B, W8_D)        # sin(b D + d)
    W1 = 0.25 * torch.cos(index_tensor(W8_D * W8_H)).reshape(W8_D, W8_H)  # 0.25 cos(d H + h)
    W2 = (0.1 * torch.sin(index_tensor(W8_H) + 1.0)).reshape(W8_H, 1)   # 0.1 sin(h + 1)
    t = (0.5 * torch.cos(0.1 * index_tensor(W8_B))).reshape(W8_B, 1)    # 0.5 cos(0.1 b)
    return X, t, W1, W2


def w9_data(n):
    return -4.0 + 8.0 * index_tensor(n) / (n - 1)                       # -4 + 8 i / (n - 1)


def w5_data(K):
    x = (1.0 + 0.01 * index_tensor(K)).reshape(1, K)                    # x_i = 1 + 0.01 i
    i = index_tensor(K).reshape(K, 1)
    j = index_tensor(K).reshape(1, K)
    y = torch.sin(0.1 * i + 0.2 * j)                                    # sin(0.1 i + 0.2 j)
    return x, y


# ---- the benchmarks: (setup) -> (call, closed form) -----------------------------------------

def w7(m, k):
    def setup():
        X, y, w0 = w7_data(m, k)
        w = w0.clone().requires_grad_(True)

        def call():
            loss = torch.mean(torch.log(1 + torch.exp(-y * (X @ w))))
            return torch.autograd.grad(loss, w)[0]

        with torch.no_grad():   # g = X^T s, s_i = -y_i / (m (1 + exp(y_i z_i)))
            s = -y / (m * (1.0 + torch.exp(y * (X @ w0))))
            want = X.t() @ s
        return call, want
    return setup


def w8():
    def setup():
        X, t, W1_0, W2_0 = w8_data()
        W1 = W1_0.clone().requires_grad_(True)
        W2 = W2_0.clone().requires_grad_(True)

        def call():
            loss = torch.mean(torch.square(torch.tanh(X @ W1) @ W2 - t))
            gW1, gW2 = torch.autograd.grad(loss, (W1, W2))
            return torch.cat((gW1.reshape(-1), gW2.reshape(-1)))

        with torch.no_grad():   # r = 2 (u W2 - t) / B, gW2 = u^T r, gW1 = X^T (r W2^T (1 - u^2))
            u = torch.tanh(X @ W1_0)
            r = 2.0 * (u @ W2_0 - t) / W8_B
            gW2 = u.t() @ r
            gW1 = X.t() @ ((r @ W2_0.t()) * (1.0 - u * u))
            want = torch.cat((gW1.reshape(-1), gW2.reshape(-1)))
        return call, want
    return setup


def w9(n):
    def setup():
        x0 = w9_data(n)
        x = x0.clone().requires_grad_(True)

        def call():
            return torch.autograd.grad(torch.sum(torch.sin(x) * torch.exp(-x * x / 2)), x)[0]

        with torch.no_grad():   # g = exp(-x^2 / 2) (cos x - x sin x)
            want = torch.exp(-0.5 * x0 * x0) * (torch.cos(x0) - x0 * torch.sin(x0))
        return call, want
    return setup


def step(n):
    def setup():
        i = torch.arange(n, dtype=torch.float64)
        w, g = torch.sin(0.37 * i), torch.cos(0.11 * i)

        def call():   # a gradient-descent step as a PyTorch user writes it (a new tensor)
            return w - 0.1 * g

        return call, torch.tensor([a - 0.1 * b for a, b in zip(w.tolist(), g.tolist())], dtype=torch.float64)
    return setup


def w5_jacobian(K, vectorize):
    def setup():
        x, y = w5_data(K)

        def call():
            return torch.autograd.functional.jacobian(lambda v: v @ y, x, vectorize=vectorize)

        return call, y.t().contiguous()   # J[0, i, 0, j] = dz_i / dx_j = y_ji
    return setup


BENCHMARKS = {
    "W5_K64/jacobian/torch": w5_jacobian(64, False),
    "W5_K64/jacobian/torch_vectorize": w5_jacobian(64, True),
    "W7_100x10/grad/torch": w7(100, 10),
    "W7_10000x10/grad/torch": w7(10000, 10),
    "W7_1000x100/grad/torch": w7(1000, 100),
    "W8/grad/torch": w8(),
    "W9_n1e3/grad/torch": w9(1000),
    "W9_n1e6/grad/torch": w9(1000000),
    "Step_n1e3/update/torch": step(1000),
    "Step_n1e6/update/torch": step(1000000),
}


# ---- checking and timing --------------------------------------------------------------------

def require_close(got, want, what, rel=1e-12):
    """lzbench::require_close: |got_i - want_i| <= rel (|want_i| + max_k |want_k| / 1024)."""
    got = got.detach().reshape(-1).tolist()
    want = want.reshape(-1).tolist()
    if len(got) != len(want):
        print(f"{what}: {len(got)} values, expected {len(want)}", file=sys.stderr)
        sys.exit(1)
    largest = max((abs(w) for w in want), default=0.0)
    for i, (g, w) in enumerate(zip(got, want)):
        if not abs(g - w) <= rel * (abs(w) + largest / 1024.0):
            print(f"{what}: element {i} is {g:.17g}, expected {w:.17g}", file=sys.stderr)
            sys.exit(1)


def batch(call, k):
    """(real s, cpu s) of k calls in a row."""
    r0, c0 = time.perf_counter(), time.process_time()
    for _ in range(k):
        call()
    return time.perf_counter() - r0, time.process_time() - c0


def repetition(call, min_time):
    """(real ns per call, cpu ns per call, calls) of one repetition lasting >= min_time."""
    k = 1
    while True:
        real, cpu = batch(call, k)
        if real >= min_time:
            return 1e9 * real / k, 1e9 * cpu / k, k
        if real >= min_time / 10:
            k = max(k + 1, math.ceil(k * 1.4 * min_time / real))   # as Google Benchmark: aim 40 % over
        else:
            k *= 10 if real < min_time / 100 else 2


def entry(name, run_type, real, cpu, iterations, aggregate=None, reps=1, index=0):
    e = {"name": name if aggregate is None else f"{name}_{aggregate}", "run_name": name,
         "run_type": run_type, "repetitions": reps, "repetition_index": index, "threads": 1,
         "iterations": iterations, "real_time": real, "cpu_time": cpu, "time_unit": "ns"}
    if aggregate is not None:
        e["aggregate_name"] = aggregate
        del e["repetition_index"]
        if aggregate == "cv":
            e["aggregate_unit"] = "percentage"
    return e


def run(name, setup, reps, min_time, aggregates_only):
    call, want = setup()
    require_close(call(), want, name)
    times = [repetition(call, min_time) for _ in range(reps)]
    out = [] if aggregates_only else [entry(name, "iteration", r, c, k, reps=reps, index=i)
                                      for i, (r, c, k) in enumerate(times)]
    if reps > 1:
        real = [t[0] for t in times]
        cpu = [t[1] for t in times]
        n = len(times)

        def cv(v):
            m = statistics.mean(v)
            return statistics.stdev(v) / m if m else 0.0

        out += [entry(name, "aggregate", statistics.mean(real), statistics.mean(cpu), n, "mean", reps),
                entry(name, "aggregate", statistics.median(real), statistics.median(cpu), n, "median", reps),
                entry(name, "aggregate", statistics.stdev(real), statistics.stdev(cpu), n, "stddev", reps),
                entry(name, "aggregate", cv(real), cv(cpu), n, "cv", reps)]
    return out


def flag_bool(v):
    return v.lower() in ("true", "1", "yes")


def seconds(v):
    return float(v[:-1] if v.endswith("s") else v)


def main():
    ap = argparse.ArgumentParser(description="PyTorch peer benchmarks (see the header comment)")
    ap.add_argument("--benchmark_list_tests", type=flag_bool, default=False)
    ap.add_argument("--benchmark_filter", default="")
    ap.add_argument("--benchmark_repetitions", type=int, default=1)
    ap.add_argument("--benchmark_min_time", type=seconds, default=0.5)
    ap.add_argument("--benchmark_report_aggregates_only", type=flag_bool, default=False)
    ap.add_argument("--benchmark_format", choices=["json", "console"], default="console")
    args = ap.parse_args()
    pattern = re.compile(args.benchmark_filter or ".")
    names = [n for n in BENCHMARKS if pattern.search(n)]
    if args.benchmark_list_tests:
        print("\n".join(names))
        return 0
    results = []
    for name in names:
        rows = run(name, BENCHMARKS[name], max(1, args.benchmark_repetitions), args.benchmark_min_time,
                   args.benchmark_report_aggregates_only)
        if args.benchmark_format == "console":
            for r in rows:
                print(f"{r['name']:<44} {r['real_time']:>14.6g} ns {r['cpu_time']:>14.6g} ns {r['iterations']:>10}",
                      flush=True)
        results += rows
    if args.benchmark_format == "json":
        context = {"executable": sys.argv[0], "library": "torch", "torch_version": torch.__version__,
                   "num_threads": torch.get_num_threads(), "python_version": sys.version.split()[0],
                   "date": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        json.dump({"context": context, "benchmarks": results}, sys.stdout, indent=2)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
