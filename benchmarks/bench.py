"""The kit's benchmark: measures every budget side by side in one run and writes BENCHMARKS.md.

Budgets (DESIGN §9, issue 10), as ratios or sizes so they hold on any machine:
- each notebook executes within 2.0x (aim 1.5x) its floor: a fresh kernel plus the kit's imports;
- every explorer's redraw (a control moved: the view updated and encoded as PNG) takes <= 1.0x the
  bare one-line figure (the figure floor) at the median and <= 2.0x at p95, the floor drawn
  alternately with the redraws so both see the same load;
- every handout is <= 2 MB (aim 1 MB);
- `import helpers` and its modules costs <= 0.3 s beyond pandas + matplotlib;
- `make test` takes <= 10 minutes (aim 5) on 2 cores.

Run: ``make bench`` (``python benchmarks/bench.py --runs 3``). Exits 1 if a budget is missed.
To measure only what a change touches, name it: ``python benchmarks/bench.py --notebook 02-dual-use-goods
--explorer fentanyl.timeline_explorer`` prints those measurements and writes nothing.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import pkgutil
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpers import lessons, paths, widgets  # noqa: E402

BUDGETS = {
    "notebook_ratio": (2.0, 1.5),
    "redraw_median_ratio": (1.0, None),
    "redraw_p95_ratio": (2.0, None),
    "handout_bytes": (2_000_000, 1_000_000),
    "import_s": (0.3, None),
    "make_test_s": (600.0, 300.0),
}
#: The anchors' median notebook against the same kind of floor, measured on this machine (issue 23).
ANCHORS = {"Data 8": 2.19, "QuantEcon": 2.99}
FLOOR_SOURCE = (
    "import matplotlib.pyplot, pandas, ipywidgets\n"
    "from helpers import article, checks, data, lessons, plots, widgets\n"
    "plots.use_style()\n"
)


def spread(values: list[float]) -> dict:
    values = sorted(values)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return {"median": statistics.median(values), "min": values[0], "max": values[-1], "p95": p95,
            "n": len(values)}


def execute(nb: nbformat.NotebookNode) -> float:
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3", record_timing=True,
                   resources={"metadata": {"path": str(paths.NOTEBOOKS_DIR)}}).execute()
    return time.perf_counter() - start


def cell_seconds(cell) -> float:
    timing = cell.metadata.get("execution", {})
    try:
        start = datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
        end = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
    except KeyError:
        return 0.0
    return (end - start).total_seconds()


def bench_notebooks(runs: int, only: list[str] | None = None) -> dict:
    out = {}
    for o in lessons.outline():
        if only is not None and o.slug not in only:
            continue
        floors, totals = [], []
        slowest = (0.0, "")
        figures = 0
        for _ in range(runs):
            floors.append(execute(new_notebook(cells=[new_code_cell(FLOOR_SOURCE)])))
            nb = nbformat.read(o.path, as_version=4)
            totals.append(execute(nb))
            figures = sum(1 for c in nb.cells if c.cell_type == "code" for x in c.outputs
                          if "image/png" in x.get("data", {}))
            for c in nb.cells:
                if c.cell_type == "code" and cell_seconds(c) > slowest[0]:
                    slowest = (cell_seconds(c), c.source.strip().splitlines()[0][:70])
        floor, total = statistics.median(floors), statistics.median(totals)
        out[o.slug] = {"floor_s": spread(floors), "total_s": spread(totals), "ratio": total / floor,
                       "run_ratios": [t / f for t, f in zip(totals, floors, strict=True)],
                       "figures": figures, "slowest_cell_s": slowest[0], "slowest_cell": slowest[1]}
        print(f"{o.slug}: {total:.2f} s vs floor {floor:.2f} s = {total / floor:.2f}x")
    return out


def explorers() -> dict[str, widgets.Explorer]:
    """Every ``*_explorer()`` factory in ``helpers.figures``, called."""
    import helpers.figures

    found = {}
    for info in pkgutil.iter_modules(helpers.figures.__path__):
        module = importlib.import_module(f"helpers.figures.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.endswith("_explorer") and fn.__module__ == module.__name__:
                ex = fn()
                if isinstance(ex, widgets.Explorer):
                    found[f"{info.name}.{name}"] = ex
    return found


def floor_figure_ms() -> float:
    """One bare figure, in ms: one axes, one line, the kit's title and source line, laid out and encoded
    as PNG. The least any figure view can cost on this machine, and the explorers' yardstick."""
    from helpers import plots

    start = time.perf_counter()
    fig, ax = plots.new_figure()
    ax.plot([2019, 2020, 2021], [1, 3, 2])
    plots.finish(fig, title="A short title", source="Source: a publisher, 2025.", alt="A line.")
    plots.png_bytes(fig)
    return (time.perf_counter() - start) * 1000


def redraw_ms(ex: widgets.Explorer, state: dict) -> float:
    """One control move, in ms: the view as shown (``render_state``), encoded as the widget shows it."""
    from matplotlib.figure import Figure

    from helpers import plots

    start = time.perf_counter()
    result = ex.render_state(state)
    if isinstance(result, Figure):
        plots.png_bytes(result)  # what a redraw shows: the rendered image
    return (time.perf_counter() - start) * 1000


def bench_explorers(runs: int, only: list[str] | None = None) -> tuple[dict, dict]:
    """Every explorer's redraws (or those named in ``only``), each beside a bare figure drawn just before
    it (same load)."""
    import matplotlib

    matplotlib.use("Agg")
    from helpers import plots

    out, all_floors = {}, []
    with plots.style():
        for name, ex in explorers().items():
            if only is not None and name not in only:
                continue
            ex.render_state(ex.default_state())  # the view the notebook cell shows; moves start here
            times, floors, run_ratios = [], [], []
            for _ in range(runs):
                run_times, run_floors = [], []
                for state in ex.states():
                    run_floors.append(floor_figure_ms())
                    run_times.append(redraw_ms(ex, state))
                run_ratios.append(statistics.median(run_times) / statistics.median(run_floors))
                times += run_times
                floors += run_floors
            floor = statistics.median(floors)
            out[name] = {"views": ex.view_count(), "redraw_ms": spread(times), "floor_ms": spread(floors),
                         "median_ratio": statistics.median(times) / floor,
                         "p95_ratio": spread(times)["p95"] / floor, "run_ratios": run_ratios}
            all_floors += floors
            print(f"{name}: median {statistics.median(times):.1f} ms over {len(times)} redraws "
                  f"= {out[name]['median_ratio']:.2f}x the figure floor ({floor:.1f} ms)")
    return out, spread(all_floors)


def bench_handouts() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        # A cache folder of its own: the build time measured is that of executing every notebook.
        subprocess.run([sys.executable, "-m", "helpers.build.handouts", "--out", tmp, "--cache",
                        str(Path(tmp) / "executed")], check=True, cwd=ROOT,
                       capture_output=True)
        seconds = time.perf_counter() - start
        sizes = {p.relative_to(tmp).as_posix(): p.stat().st_size for p in sorted(Path(tmp).rglob("*.html"))}
    print(f"handouts: {seconds:.1f} s, largest {max(sizes.values()) / 1e6:.2f} MB")
    return {"build_s": seconds, "bytes": sizes}


def notebook_modules() -> list[str]:
    """The helpers modules the notebooks import (what a student's kernel pays for)."""
    found = set()
    for o in lessons.outline():
        for cell in nbformat.read(o.path, as_version=4).cells:
            if cell.cell_type == "code":
                for names in re.findall(r"^from helpers import ([\w, ]+)$", cell.source, re.M):
                    found |= {n.strip() for n in names.split(",")}
                found |= set(re.findall(r"^from helpers\.(\w+) import", cell.source, re.M))
    return sorted(found)


def bench_import(runs: int) -> dict:
    modules = notebook_modules()
    code = (
        "import time, pandas, matplotlib, matplotlib.pyplot, ipywidgets, IPython\n"
        "t = time.perf_counter()\n"
        f"import helpers, {', '.join('helpers.' + m for m in modules)}\n"
        "print(time.perf_counter() - t)\n"
    )
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                  cwd=ROOT).stdout) for _ in range(runs)]
    print(f"import helpers ({', '.join(modules)}): {statistics.median(times) * 1000:.0f} ms "
          "beyond pandas + matplotlib")
    return {**spread(times), "modules": modules}


def bench_make_test() -> dict:
    start = time.perf_counter()
    proc = subprocess.run(["make", "test"], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    # pytest's summary line ("1313 passed in 297.51s"), not make's own last words
    tail = [line.strip("= ") for line in proc.stdout.splitlines()
            if re.search(r"\d+ (passed|failed)", line)][-1:]
    print(f"make test: {seconds:.0f} s ({'passed' if proc.returncode == 0 else 'FAILED'})")
    return {"seconds": seconds, "passed": proc.returncode == 0, "summary": tail[0] if tail else ""}


def machine() -> dict:
    from importlib import metadata

    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": os.getloadavg(),
        "versions": {p: metadata.version(p) for p in
                     ("pandas", "matplotlib", "ipywidgets", "nbclient", "nbconvert", "jupyterlab")},
    }


def verdicts(results: dict) -> list[tuple[str, str, float, float, bool]]:
    rows = []
    for slug, r in results["notebooks"].items():
        rows.append((f"notebook {slug}", "× floor", r["ratio"], BUDGETS["notebook_ratio"][0],
                     r["ratio"] <= BUDGETS["notebook_ratio"][0]))
    for name, r in results["explorers"].items():
        for key, what in (("median_ratio", "median"), ("p95_ratio", "p95")):
            limit = BUDGETS[f"redraw_{key}"][0]
            rows.append((f"explorer {name} {what} redraw", "× figure floor", r[key], limit, r[key] <= limit))
    if results.get("handouts"):
        worst = max(results["handouts"]["bytes"].items(), key=lambda kv: kv[1])
        limit = BUDGETS["handout_bytes"][0]
        rows.append((f"largest handout ({worst[0]})", "MB", worst[1] / 1e6, limit / 1e6, worst[1] <= limit))
    rows.append(("import helpers beyond pandas + matplotlib", "s", results["import"]["median"],
                 BUDGETS["import_s"][0], results["import"]["median"] <= BUDGETS["import_s"][0]))
    if results.get("make_test"):
        seconds, limit = results["make_test"]["seconds"], BUDGETS["make_test_s"][0]
        rows.append(("make test wall time", "s", seconds, limit,
                     seconds <= limit and results["make_test"]["passed"]))
    return rows


def markdown(results: dict, notes: str) -> str:
    m = results["machine"]
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {m['date']}: {m['cores']} cores, Python {m['python']}, "
        f"{m['platform']}; load average at start {m['load_average'][0]:.2f}. "
        + ", ".join(f"{k} {v}" for k, v in m["versions"].items()) + ".",
        f"{results['runs']} runs per measurement; medians, with the spread (min–max) beside them. "
        "Machine-readable: `BENCHMARKS.json`.",
        "",
        "## Budgets",
        "",
        "| what | measured | budget | |",
        "|---|---|---|---|",
    ]
    for what, unit, value, limit, ok in verdicts(results):
        verdict = "met" if ok else "**missed**"
        lines.append(f"| {what} | {value:.2f} {unit} | ≤ {limit:g} {unit} | {verdict} |")
    lines += ["", "## Notebooks", "",
              "| notebook | run (s) | floor (s) | ratio | ratio per run | figures | slowest cell (s) |",
              "|---|---|---|---|---|---|---|"]
    for slug, r in results["notebooks"].items():
        runs = r.get("run_ratios") or [r["ratio"]]
        lines.append(
            f"| {slug} | {r['total_s']['median']:.2f} ({r['total_s']['min']:.2f}–{r['total_s']['max']:.2f}) "
            f"| {r['floor_s']['median']:.2f} | {r['ratio']:.2f} | {min(runs):.2f}–{max(runs):.2f} "
            f"| {r['figures']} | {r['slowest_cell_s']:.2f}: `{r['slowest_cell']}` |")
    worst = max(r["ratio"] for r in results["notebooks"].values())
    lines += ["", "Anchors, run side by side on this machine against the same kind of floor (issue 23): "
              + ", ".join(f"{name} {ratio:.2f}× median" for name, ratio in ANCHORS.items())
              + f". The kit's worst notebook here: {worst:.2f}×."]
    lines += ["", "## Explorers (a control moved: the view updated, then encoded as PNG)", "",
              "| explorer | views | median (ms) | p95 (ms) | max (ms) | figure floor (ms) | median × floor "
              "| per run | p95 × floor |", "|---|---|---|---|---|---|---|---|---|"]
    for name, r in results["explorers"].items():
        d, f = r["redraw_ms"], r["floor_ms"]
        runs = r.get("run_ratios") or [r["median_ratio"]]
        lines.append(f"| {name} | {r['views']} | {d['median']:.1f} | {d['p95']:.1f} | {d['max']:.1f} "
                     f"| {f['median']:.1f} | {r['median_ratio']:.2f} | {min(runs):.2f}–{max(runs):.2f} "
                     f"| {r['p95_ratio']:.2f} |")
    if results.get("figure_floor_ms"):
        floor = results["figure_floor_ms"]
        lines += ["", "The figure floor is the least any figure view costs here (a new figure with one axes, "
                      "one line, the kit's title and source line, laid out and encoded as PNG), drawn just "
                      "before each redraw so both see the same load: "
                      f"{floor['median']:.1f} ms median over the run "
                      f"({floor['min']:.1f}–{floor['max']:.1f}). "
                      "A figure explorer keeps its figure and redraws it in place."]
    if results.get("handouts"):
        build_s = results["handouts"]["build_s"]
        lines += ["", "## Handouts", "", f"Build time of `make handouts`: {build_s:.1f} s.",
                  "", "| file | size (kB) |", "|---|---|"]
        for name, size in results["handouts"]["bytes"].items():
            lines.append(f"| {name} | {size / 1000:.0f} |")
    imp = results["import"]
    lines += ["", "## Import", "",
              f"`import helpers` and the modules the notebooks import ({', '.join(imp['modules'])}) "
              f"on top of pandas, matplotlib and ipywidgets: "
              f"{imp['median'] * 1000:.0f} ms ({imp['min'] * 1000:.0f}–{imp['max'] * 1000:.0f})."]
    if results.get("make_test"):
        lines += ["", "## Test suite", "",
                  f"`make test`: {results['make_test']['seconds']:.0f} s, "
                  f"{'passed' if results['make_test']['passed'] else 'FAILED'} "
                  f"({results['make_test']['summary']})."]
    if notes:
        lines += ["", notes.strip()]
    return "\n".join(lines) + "\n"


def measure_only(runs: int, notebooks: list[str], names: list[str]) -> int:
    """Measure the named notebooks and explorers only, and print them: nothing is written."""
    slugs = [o.slug for o in lessons.outline()]
    unknown = [n for n in notebooks if n not in slugs]
    if unknown:
        raise SystemExit(f"unknown notebook {unknown[0]!r}; choose from {', '.join(slugs)}")
    missing = sorted(set(names) - set(explorers())) if names else []
    if missing:
        raise SystemExit(f"unknown explorer {missing[0]!r}; choose from {', '.join(explorers())}")
    if names:
        for name, r in bench_explorers(runs, names)[0].items():
            d = r["redraw_ms"]
            print(f"  {name}: p95 {d['p95']:.1f} ms = {r['p95_ratio']:.2f}x; median ratio per run "
                  + ", ".join(f"{x:.2f}" for x in r["run_ratios"]))
    for slug, r in bench_notebooks(runs, notebooks).items():
        print(f"  {slug}: ratio per run " + ", ".join(f"{x:.2f}" for x in r["run_ratios"])
              + f"; slowest cell {r['slowest_cell_s']:.2f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-make-test", action="store_true", help="do not time the whole test suite")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--rewrite", action="store_true",
                        help="measure nothing: write BENCHMARKS.md again from BENCHMARKS.json and the notes")
    parser.add_argument("--notebook", action="append", metavar="SLUG",
                        help="measure only this notebook (repeatable); prints, writes nothing")
    parser.add_argument("--explorer", action="append", metavar="MODULE.NAME",
                        help="measure only this explorer, e.g. fentanyl.timeline_explorer (repeatable)")
    args = parser.parse_args(argv)
    # Hand-written sections (profiles, what was changed, the classroom load test) kept beside the script.
    notes = "\n\n".join(p.read_text() for p in sorted((ROOT / "benchmarks").glob("*.md")))
    if args.rewrite:
        args.out.write_text(markdown(json.loads(args.out.with_suffix(".json").read_text()), notes))
        print(f"wrote {args.out} from {args.out.with_suffix('.json').name}")
        return 0
    if args.notebook or args.explorer:
        return measure_only(args.runs, args.notebook or [], args.explorer or [])
    results = {"runs": args.runs, "machine": machine()}
    results["import"] = bench_import(max(args.runs, 5))
    results["explorers"], results["figure_floor_ms"] = bench_explorers(args.runs)
    results["notebooks"] = bench_notebooks(args.runs)
    results["handouts"] = bench_handouts()
    if not args.skip_make_test:
        results["make_test"] = bench_make_test()
    args.out.write_text(markdown(results, notes))
    args.out.with_suffix(".json").write_text(json.dumps(results, indent=1, default=str) + "\n")
    missed = [r for r in verdicts(results) if not r[4]]
    for what, unit, value, limit, _ in missed:
        print(f"BUDGET MISSED: {what}: {value:.2f} {unit} > {limit:g} {unit}")
    print(f"wrote {args.out} and {args.out.with_suffix('.json').name}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
