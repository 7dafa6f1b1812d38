#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Checks that the docs show the examples as they are (ctest docs.snippets).

In README.md and docs/*.md, a fenced code block right after
    <!-- snippet: examples/NAME.cpp#PART -->
must equal the lines of examples/NAME.cpp (or a file under tests/) between `// --8<-- [start:PART]` and
`// --8<-- [end:PART]` (marker lines left out, common indentation removed), and one right after
    <!-- output: examples/NAME.cpp -->
must equal what the built program example.NAME prints (run from the repository root).
Usage: snippets.py SOURCE_DIR EXAMPLES_BINARY_DIR
"""
import pathlib
import re
import subprocess
import sys

MARK = re.compile(r"^<!-- (snippet|output): ((?:examples|tests)/[\w./-]+\.[ch]pp)(?:#([\w-]+))? -->$")


def fenced_block(lines, start):
    """The lines of the first fenced block at or after `start`, and where it ends."""
    i = start
    while i < len(lines) and not lines[i].startswith("```"):
        if lines[i].strip():
            return None, i
        i += 1
    if i == len(lines):
        return None, i
    end = i + 1
    while end < len(lines) and not lines[end].startswith("```"):
        end += 1
    return lines[i + 1:end], end


def part_of(source, part):
    lines = source.read_text().splitlines()
    try:
        begin = next(i for i, l in enumerate(lines) if l.strip() == f"// --8<-- [start:{part}]")
        end = next(i for i, l in enumerate(lines) if l.strip() == f"// --8<-- [end:{part}]")
    except StopIteration:
        return None
    part = [l for l in lines[begin + 1:end] if "--8<--" not in l]
    indent = min((len(l) - len(l.lstrip()) for l in part if l.strip()), default=0)
    return [l[indent:] for l in part]


def main():
    root, examples = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    docs = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    checked, problems = 0, []
    for doc in docs:
        lines = doc.read_text().splitlines()
        for n, line in enumerate(lines):
            m = MARK.match(line.strip())
            if not m:
                continue
            kind, path, part = m.groups()
            where = f"{doc.relative_to(root)}:{n + 1}"
            shown, _ = fenced_block(lines, n + 1)
            if shown is None:
                problems.append(f"{where}: no code block follows the {kind} marker")
                continue
            if kind == "snippet":
                want = part_of(root / path, part) if part else (root / path).read_text().splitlines()
                if want is None:
                    problems.append(f"{where}: {path} has no part '{part}'")
                    continue
            else:
                program = examples / ("example." + pathlib.Path(path).stem)
                if not program.exists():  # e.g. examples/eigen-*.cpp without Eigen
                    print(f"{where}: {program.name} was not built; its output is not checked")
                    continue
                run = subprocess.run([str(program)], cwd=root, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
                if run.returncode != 0:
                    problems.append(f"{where}: {program} exited with {run.returncode}")
                    continue
                want = run.stdout.splitlines()
            checked += 1
            if shown != want:
                diff = next((i for i, (a, b) in enumerate(zip(shown, want)) if a != b), min(len(shown), len(want)))
                problems.append(f"{where}: the block differs from {path}"
                                f"{'#' + part if part else ''} {'output' if kind == 'output' else ''} "
                                f"at its line {diff + 1}:\n  docs:    {shown[diff] if diff < len(shown) else '(end)'}"
                                f"\n  example: {want[diff] if diff < len(want) else '(end)'}")
    for p in problems:
        print(p)
    print(f"{checked} snippet(s) checked, {len(problems)} problem(s)")
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
