#!/usr/bin/env python3
"""factcheck speed benchmarks (issue 6): throughput, cold start, peak RSS, peers, targets.

    .venv/bin/python bench/speed.py --shared ../shared --n 10000
    .venv/bin/python bench/speed.py --quick                  # 1,000 articles, small peer sample
    .venv/bin/python bench/speed.py --profile 2000           # only: cProfile of check

Run it from the repository root with the project's venv interpreter: the CLI measured is the
``factcheck`` console script next to that interpreter. One run, on the same texts:

1. throughput of check (extraction + all rules, in process, one core) over a generated
   mixed-language set (bench/gen_articles.py, fixed seed, streamed to a temp file) and over
   <shared>/corpora/news/articles.jsonl when present;
2. cold start of ``factcheck check one.txt`` and of ``python -c "import factcheck"``
   (subprocesses, median of several runs);
3. peak RSS and wall time of ``factcheck check batch.jsonl --format json`` on the whole set;
4. recognizers-text-suite and dateparser.search_dates vs factcheck's extractor on the same
   sample, timed in bench/.venv-peers (made here; never a project dependency) by
   bench/peers_speed_worker.py;
5. the targets beside the measurements, PASS/FAIL.

Nothing is written into the repository except bench/.venv-peers (git-ignored); generated data
goes to a temp dir (or --workdir) that is removed at the end unless --keep.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

import gen_articles  # noqa: E402

PEERS_VENV = BENCH / ".venv-peers"
PEER_PACKAGES = ["recognizers-text-suite", "emoji==0.6.0", "dateparser"]

# Issue 6 targets.
TARGET_MBS_PER_CORE = 1.0
TARGET_VS_RECOGNIZERS = 50.0
TARGET_VS_DATEPARSER = 4.0
TARGET_COLD_S = 1.0
TARGET_RSS_MB = 300.0
TARGET_JOBS2 = 1.8


@dataclass
class Throughput:
    articles: int = 0
    bytes: int = 0
    extract_s: float = 0.0
    rules_s: float = 0.0
    cpu_s: float = 0.0
    findings: int = 0
    per_lang: dict[str, list[float]] = field(default_factory=dict)  # lang -> [n, bytes, s]

    @property
    def seconds(self) -> float:
        return self.extract_s + self.rules_s

    def mbs(self) -> float:
        return self.bytes / self.seconds / 1e6 if self.seconds else 0.0

    def cpu_mbs(self) -> float:
        return self.bytes / self.cpu_s / 1e6 if self.cpu_s else 0.0


def out(line: str = "") -> None:
    print(line, flush=True)


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 2**20:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores ({usable} usable){mem}; "
        f"Python {platform.python_version()} ({sys.executable}); {platform.platform()}"
    )


def git_rev() -> str:
    try:
        rev = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        return rev + (" (+ uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def iter_jsonl(path: Path, limit: int | None = None):
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            if line.strip():
                yield json.loads(line)


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def check_stream(path: Path, limit: int | None = None) -> Throughput:
    """Check each record in process; extraction and the rules are timed apart."""
    from factcheck.document import Document
    from factcheck.engine import check_document, default_rules
    from factcheck.extract import extract

    rules = default_rules()
    tp = Throughput()
    cpu0 = time.process_time()
    for rec in iter_jsonl(path, limit):
        text = rec["text"]
        date = _date(rec.get("date"))
        doc = Document(text, date=date, date_source="record" if date else "unknown")
        t0 = time.perf_counter()
        facts = extract(doc)
        t1 = time.perf_counter()
        tp.findings += len(check_document(doc, rules, facts=facts))
        t2 = time.perf_counter()
        n = len(text.encode("utf-8"))
        tp.articles += 1
        tp.bytes += n
        tp.extract_s += t1 - t0
        tp.rules_s += t2 - t1
        acc = tp.per_lang.setdefault(str(rec.get("lang", "?")), [0, 0, 0.0])
        acc[0] += 1
        acc[1] += n
        acc[2] += t2 - t0
    tp.cpu_s = time.process_time() - cpu0
    return tp


def extract_seconds(path: Path, limit: int) -> tuple[float, float, int]:
    """factcheck's extractor alone over the first ``limit`` records: (wall s, CPU s, facts)."""
    from factcheck.document import Document
    from factcheck.extract import extract

    total = cpu = 0.0
    found = 0
    for rec in iter_jsonl(path, limit):
        date = _date(rec.get("date"))
        doc = Document(rec["text"], date=date, date_source="record" if date else "unknown")
        t0, c0 = time.perf_counter(), time.process_time()
        found += len(extract(doc))
        total += time.perf_counter() - t0
        cpu += time.process_time() - c0
    return total, cpu, found


def report_throughput(name: str, tp: Throughput) -> None:
    out(f"  {name}: {tp.articles:,} articles, {tp.bytes / 1e6:.2f} MB (UTF-8), "
        f"{tp.findings:,} findings")
    out(f"    check      {tp.mbs():7.3f} MB/s  {tp.articles / tp.seconds:8.1f} articles/s  "
        f"({tp.seconds:.1f} s wall, one core)")
    out(f"    check      {tp.cpu_mbs():7.3f} MB/s per CPU second ({tp.cpu_s:.1f} s CPU)")
    out(f"    extraction {tp.bytes / tp.extract_s / 1e6:7.3f} MB/s  "
        f"({tp.extract_s / tp.seconds:.0%} of the time)")
    out(f"    rules      {tp.bytes / tp.rules_s / 1e6:7.3f} MB/s  "
        f"({tp.rules_s / tp.seconds:.0%} of the time)")
    for lang in sorted(tp.per_lang):
        n, size, secs = tp.per_lang[lang]
        out(f"      {lang:6} {int(n):6,} articles  {size / n:6.0f} B/article  "
            f"{size / secs / 1e6:6.3f} MB/s  {n / secs:7.1f} articles/s")


def timed_runs(
    cmd: list[str], runs: int, env: dict[str, str] | None = None
) -> tuple[list[float], list[float]]:
    """(wall seconds, CPU seconds) of each run of cmd."""
    # One untimed run first: it fills the OS page cache, as on any machine that has run
    # factcheck before (a pre-commit hook); the median of the rest is the cold start.
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env=env)
    walls, cpus = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=env)
        _, _, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - t0)
        cpus.append(usage.ru_utime + usage.ru_stime)
    return walls, cpus


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def run_with_rusage(cmd: list[str], stdout_path: Path) -> tuple[int, float, float, float]:
    """Run cmd; return (exit code, wall s, CPU s, peak RSS in MiB) of that child alone."""
    with stdout_path.open("wb") as fh:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.PIPE)
        # wait4 gives this child's own rusage; RUSAGE_CHILDREN would be the max over every
        # child this benchmark has waited for (the peers included).
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        out(f"    ! exit {proc.returncode}: {err.strip()[:300]}")
    cpu = usage.ru_utime + usage.ru_stime
    return proc.returncode, wall, cpu, usage.ru_maxrss / 1024  # Linux: KiB


def peers_python() -> tuple[Path | None, str]:
    """bench/.venv-peers' interpreter, creating and filling it when needed."""
    py = PEERS_VENV / "bin" / "python"
    probe = "import recognizers_suite, dateparser, emoji; print(emoji.__version__)"
    if py.exists():
        ok = subprocess.run([str(py), "-c", probe], capture_output=True, text=True)
        if ok.returncode == 0:
            return py, "bench/.venv-peers (existing)"
    # The base interpreter, not the project venv's: the peers must not see factcheck's deps.
    base = Path(getattr(sys, "_base_executable", sys.executable))
    t0 = time.perf_counter()
    try:
        if not py.exists():
            subprocess.run([str(base), "-m", "venv", str(PEERS_VENV)], check=True,
                           capture_output=True, text=True, timeout=300)
        subprocess.run([str(py), "-m", "pip", "install", "-q", *PEER_PACKAGES], check=True,
                       capture_output=True, text=True, timeout=600)
    except subprocess.CalledProcessError as exc:
        tail = (exc.stderr or exc.stdout or "").strip().splitlines()[-3:]
        return None, "installing the peers failed (no network?): " + " | ".join(tail)
    except subprocess.TimeoutExpired:
        return None, "installing the peers timed out (no network?)"
    return py, f"bench/.venv-peers (created in {time.perf_counter() - t0:.0f} s)"


def run_peer(py: Path, peer: str, sample: Path, budget: float) -> dict[str, Any] | str:
    cmd = [str(py), str(BENCH / "peers_speed_worker.py"), "--peer", peer,
           "--budget", str(budget), str(sample)]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        return f"{peer} worker failed: " + res.stderr.strip().splitlines()[-1:][0][:300]
    return json.loads(res.stdout.strip().splitlines()[-1])


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def profile(path: Path, limit: int, top: int = 25) -> None:
    from factcheck.engine import default_rules

    default_rules()  # rule loading is start-up, not per-article work
    check_stream(path, 3)  # and so are the lazily compiled patterns
    prof = cProfile.Profile()
    prof.enable()
    tp = check_stream(path, limit)
    prof.disable()
    out(f"cProfile of check over {tp.articles:,} generated articles "
        f"({tp.bytes / 1e6:.2f} MB; {tp.seconds:.1f} s under the profiler)")
    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        st = pstats.Stats(prof, stream=buf)
        st.strip_dirs().sort_stats(key).print_stats(top)
        lines = buf.getvalue().splitlines()
        start = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls"))
        out(f"\n-- top {top} by {key} time --")
        for ln in lines[start:]:
            if ln.strip():
                out(ln)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="the shared folder (default: ../shared beside the repository)")
    ap.add_argument("--n", type=int, default=10_000, help="generated articles (default 10000)")
    ap.add_argument("--quick", action="store_true",
                    help="1,000 articles, 60-article peer sample, 3 cold-start runs")
    ap.add_argument("--peer-sample", type=int, default=None,
                    help="articles timed against the peers (default 300; --quick 60)")
    ap.add_argument("--peer-budget", type=float, default=180.0,
                    help="seconds at most per peer; a slower peer is cut at that point")
    ap.add_argument("--runs", type=int, default=None, help="cold-start runs (default 7)")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--no-peers", action="store_true", help="skip the peer comparison")
    ap.add_argument("--workdir", type=Path, help="keep generated data here (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="do not delete the generated data")
    ap.add_argument("--profile", type=int, metavar="N", default=0,
                    help="only profile check over the first N generated articles and exit")
    args = ap.parse_args(argv)
    n = 1_000 if args.quick and args.n == 10_000 else args.n
    peer_n = args.peer_sample or (60 if args.quick else 300)
    runs = args.runs or (3 if args.quick else 7)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.profile:
            batch = work / "profile.jsonl"
            gen_articles.write_jsonl(batch, args.profile, args.seed)
            profile(batch, args.profile)
            return 0
        return run_all(args, work, n, peer_n, runs)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


def run_all(args: argparse.Namespace, work: Path, n: int, peer_n: int, runs: int) -> int:
    bindir = Path(sys.executable).parent
    cli = bindir / "factcheck"
    if not cli.exists():
        found = shutil.which("factcheck")
        if not found:
            out("the factcheck console script was not found: run with the project's venv python")
            return 2
        cli = Path(found)
    t_start = time.perf_counter()
    out("factcheck speed benchmark (issue 6)")
    out(f"  machine : {machine()}")
    out(f"  commit  : {git_rev()}   date: {dt.datetime.now():%Y-%m-%d %H:%M}")
    out(f"  command : {' '.join([Path(sys.executable).name, *sys.argv])}")
    # Other work on the machine inflates wall times; CPU times are printed beside them.
    out(f"  load avg: {loadavg()} (1/5/15 min) at start")
    out()

    # -- the generated set, streamed to disk --------------------------------------------
    batch = work / "batch.jsonl"
    t0 = time.perf_counter()
    _, gen_bytes = gen_articles.write_jsonl(batch, n, args.seed)
    out(f"[data] generated {n:,} articles (seed {args.seed}), {gen_bytes / 1e6:.2f} MB of text, "
        f"in {time.perf_counter() - t0:.1f} s -> {batch}")

    # -- 1. throughput in process ---------------------------------------------------------
    out("\n[1] throughput of check (extraction + all rules), in process, one core")
    t0 = time.perf_counter()
    from factcheck.engine import default_rules

    default_rules()
    check_stream(batch, 1)
    out(f"  set-up (imports, rule packs, first article): {time.perf_counter() - t0:.2f} s "
        "(not counted below)")
    gen_tp = check_stream(batch)
    report_throughput("generated set", gen_tp)
    news = args.shared / "corpora" / "news" / "articles.jsonl"
    news_tp: Throughput | None = None
    if news.exists():
        news_tp = check_stream(news)
        report_throughput(f"news corpus ({news})", news_tp)
    else:
        out(f"  news corpus: {news} not found, skipped")

    # -- 2. cold start ------------------------------------------------------------------------
    out(f"\n[2] cold start (subprocess, median of {runs} runs after one warm-up run)")
    first = next(iter_jsonl(batch, 1))
    one = work / "one.txt"
    one.write_text(first["text"], encoding="utf-8")
    cold_cmd = [str(cli), "check", str(one), "--date", first["date"], "--format", "json"]
    cold, cold_cpu = timed_runs(cold_cmd, runs)
    cold_med = statistics.median(cold)
    out(f"  factcheck check one.txt ({len(first['text'].encode()):,} B, {first['lang']}): "
        f"median {cold_med:.3f} s wall (min {min(cold):.3f}, max {max(cold):.3f}), "
        f"{statistics.median(cold_cpu):.3f} s CPU")
    for code, note in (("import factcheck", ""), ("import factcheck.engine", ""),
                       ("pass", " (interpreter alone)")):
        walls, cpus = timed_runs([sys.executable, "-c", code], runs)
        label = f"python -c '{code}'{note}"
        out(f"  {label:38}: median "
            f"{statistics.median(walls):.3f} s wall, {statistics.median(cpus):.3f} s CPU")

    # -- 3. the whole batch through the CLI: peak RSS and end-to-end speed -----------------
    out(f"\n[3] CLI batch: factcheck check batch.jsonl --format json ({n:,} articles)")
    report = work / "report.json"
    code, wall, cli_cpu, rss = run_with_rusage(
        [str(cli), "check", str(batch), "--format", "json", "-o", str(report)], work / "stdout"
    )
    checked = findings = -1
    try:
        summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
        checked, findings = summary["files"], summary["findings"]
    except (OSError, ValueError, KeyError):
        pass
    cli_mbs = gen_bytes / wall / 1e6
    cli_cpu_mbs = gen_bytes / cli_cpu / 1e6
    out(f"  exit {code}, {checked:,} records checked, {findings:,} findings")
    out(f"  wall {wall:.1f} s -> {cli_mbs:.3f} MB/s, {n / wall:.1f} articles/s (one process)")
    out(f"  CPU  {cli_cpu:.1f} s -> {cli_cpu_mbs:.3f} MB/s per CPU second")
    out(f"  peak RSS {rss:.0f} MiB")

    # -- 4. peers on the same sample --------------------------------------------------------
    out(f"\n[4] extraction vs peers, first {peer_n} generated articles, same texts")
    sample = work / "sample.jsonl"
    with batch.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= peer_n:
                break
            dst.write(line)
    ratios: dict[str, float | None] = {"recognizers": None, "dateparser": None}
    if args.no_peers:
        out("  skipped (--no-peers)")
    else:
        py, how = peers_python()
        out(f"  peers env: {how}")
        if py is not None:
            for peer in ("recognizers", "dateparser"):
                res = run_peer(py, peer, sample, args.peer_budget)
                if isinstance(res, str):
                    out(f"  {peer}: SKIPPED: {res}")
                    continue
                done = int(res["articles"])
                # factcheck's extractor on exactly the articles the peer finished
                fc_s, fc_cpu, fc_facts = extract_seconds(sample, done)
                # The ratio is taken on CPU time: both sides are single-threaded, and CPU time
                # is what other load on a shared machine skews least. Wall ratio beside it.
                ratio = res["cpu_s"] / fc_cpu
                ratios[peer] = ratio
                mb = res["bytes"] / 1e6
                name = ("recognizers-text-suite" if peer == "recognizers"
                        else "dateparser.search_dates")
                out(f"  {name} {res['version']}: {done} articles, {mb:.3f} MB")
                out(f"    peer      {res['seconds']:8.2f} s  {mb / res['seconds']:8.4f} MB/s  "
                    f"{res['results']:6,} results  (setup {res['setup_s']:.2f} s, not counted)")
                out(f"    factcheck {fc_s:8.2f} s  {mb / fc_s:8.4f} MB/s  {fc_facts:6,} facts "
                    f"(extractor alone)")
                out(f"    ratio factcheck/peer speed: {ratio:.1f}x on CPU time "
                    f"({res['seconds'] / fc_s:.1f}x on wall time)")
                for lang, acc in sorted(res["per_lang"].items()):
                    out(f"      peer {lang:6} {int(acc['articles']):4} articles "
                        f"{acc['bytes'] / acc['seconds'] / 1e6:8.4f} MB/s")
                for note in res["notes"]:
                    out(f"    note: {note}")
        else:
            out("  SKIPPED both peers: they could not be installed")

    # -- --jobs (issue 6, another engineer's) ------------------------------------------------
    helptext = subprocess.run([str(cli), "check", "--help"], capture_output=True,
                              text=True).stdout
    jobs_ratio: float | None = None
    out("\n[5] --jobs 2 vs --jobs 1")
    if "--jobs" in helptext:
        sub = work / "jobs.jsonl"
        k = n  # the whole generated batch: start-up and the JSON write are serial, so a
        # small batch understates what --jobs gives on the large batches it is for
        with batch.open(encoding="utf-8") as src, sub.open("w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= k:
                    break
                dst.write(line)
        base = [str(cli), "check", str(sub), "--format", "json", "-o", os.devnull]
        _, w1, _, _ = run_with_rusage([*base, "--jobs", "1"], work / "j1")
        _, w2, _, _ = run_with_rusage([*base, "--jobs", "2"], work / "j2")
        jobs_ratio = w1 / w2
        out(f"  {k:,} articles: --jobs 1 {w1:.1f} s, --jobs 2 {w2:.1f} s -> {jobs_ratio:.2f}x")
    else:
        out("  PLACEHOLDER: not measured yet (factcheck check has no --jobs option)")

    # -- targets ---------------------------------------------------------------------------
    out("\n[targets]")
    # Per core = per CPU second of the single process (wall is in the sections above).
    rows: list[tuple[str, str, str, bool | None]] = [
        ("end to end, CLI batch (MB/s per core)", f"{cli_cpu_mbs:.3f}",
         f">= {TARGET_MBS_PER_CORE}", cli_cpu_mbs >= TARGET_MBS_PER_CORE),
        ("  check in process, generated (MB/s/core)", f"{gen_tp.cpu_mbs():.3f}",
         f">= {TARGET_MBS_PER_CORE}", gen_tp.cpu_mbs() >= TARGET_MBS_PER_CORE),
    ]
    if news_tp is not None:
        rows.append(("  check in process, news corpus (MB/s/core)", f"{news_tp.cpu_mbs():.3f}",
                     f">= {TARGET_MBS_PER_CORE}", news_tp.cpu_mbs() >= TARGET_MBS_PER_CORE))
    for peer, goal, label in (("recognizers", TARGET_VS_RECOGNIZERS, "recognizers-text-suite"),
                              ("dateparser", TARGET_VS_DATEPARSER, "dateparser.search_dates")):
        r = ratios[peer]
        rows.append((f"extractor speed vs {label}", "skipped" if r is None else f"{r:.1f}x",
                     f">= {goal:.0f}x", None if r is None else r >= goal))
    rows += [
        ("cold single-file check (median s)", f"{cold_med:.3f}", f"<= {TARGET_COLD_S}",
         cold_med <= TARGET_COLD_S),
        (f"peak RSS, {n:,}-article batch (MiB)", f"{rss:.0f}", f"<= {TARGET_RSS_MB:.0f}",
         rss <= TARGET_RSS_MB),
        ("--jobs 2 speed-up", "not measured yet" if jobs_ratio is None else f"{jobs_ratio:.2f}x",
         f">= {TARGET_JOBS2}x", None if jobs_ratio is None else jobs_ratio >= TARGET_JOBS2),
    ]
    out(f"  {'measure':44} {'measured':>16} {'target':>9}  result")
    for label, got, goal, ok in rows:
        out(f"  {label:44} {got:>16} {goal:>9}  {verdict(ok)}")
    if n != 10_000:
        out(f"  (the RSS and throughput targets are for 10,000 articles; this run had {n:,})")
    out(f"\ntotal benchmark time {time.perf_counter() - t_start:.0f} s; "
        f"load avg at the end {loadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
