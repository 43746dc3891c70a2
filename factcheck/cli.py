"""The factcheck command line: check, report, extract, config, rules, rule."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NoReturn, TextIO

from .config import Config
from .inputs import (
    DEFAULT_MAX_MB,
    Article,
    DateChoice,
    InputError,
    expand,
    parse_date,
    read_articles,
)
from .parallel import jobs_value
from .pipeline import Result, RuleChoice

if TYPE_CHECKING:
    from .rulepack import Rule

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, as ruff does
        raise UsageError(message)


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _globs(value: str) -> list[str]:
    return [g.strip() for g in value.split(",") if g.strip()]


def _encoding(value: str) -> str:
    import codecs

    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding: {value!r}") from None


def _positive(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more, not {value}")
    return n


CHECK_FORMATS = ["text", "json", "jsonl", "sarif", "github"]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="factcheck", description="Fact-consistency checker for mixed-language news.")
    p.add_argument("--version", action="store_true", help="print the version and exit")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "paths", nargs="+", metavar="PATH", help="files or folders to read ('-' for stdin)"
        )
        sp.add_argument(
            "--date",
            help="publication date (YYYY-MM-DD) that partial and relative "
            "dates resolve against; default: front matter or the record's date field, "
            "else today (see [tool.factcheck.date])",
        )
        sp.add_argument("--text-field", default=None, help="JSONL: field with the article text")
        sp.add_argument("--id-field", default=None, help="JSONL: field with the record id")
        sp.add_argument("--date-field", default=None, help="JSONL: field with the date")
        sp.add_argument(
            "--include", type=_globs, default=[], help="folder walks: file globs to check"
        )
        sp.add_argument("--exclude", type=_globs, default=[], help="globs never to check")
        sp.add_argument(
            "--stdin-filename", help="name for stdin: its format (.md, .html) and config"
        )
        sp.add_argument(
            "--encoding",
            type=_encoding,
            help="the files' encoding (cp949, gb18030, big5, shift_jis ...); default: UTF-8, "
            "else detected when clear",
        )
        sp.add_argument(
            "--max-size",
            type=_positive,
            default=None,
            metavar="MB",
            help="refuse larger files (default 32; 0: no limit)",
        )
        sp.add_argument(
            "--timeout",
            type=_positive,
            default=None,
            metavar="SECONDS",
            help="give up on a document after this long (default 120; 0: no limit)",
        )
        cfg = sp.add_mutually_exclusive_group()
        cfg.add_argument("--config", help="use this config file instead of searching for one")
        cfg.add_argument("--isolated", action="store_true", help="ignore all config files")

    def selection(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--select", type=_codes, default=None, help="rule codes or prefixes, comma-separated"
        )
        sp.add_argument(
            "--ignore", type=_codes, default=None, help="rule codes or prefixes to skip"
        )
        sp.add_argument(
            "--fail-level",
            choices=["error", "warning", "info"],
            default=None,
            help="lowest severity that makes the exit code 1 (default: config, else info)",
        )
        sp.add_argument(
            "--exit-zero", action="store_true", help="exit 0 even when there are findings"
        )
        sp.add_argument(
            "--jobs",
            "-j",
            type=jobs_value,
            default=1,
            metavar="N",
            help="check in N processes (0: one per core; default 1); output as with 1",
        )

    c = sub.add_parser("check", help="report contradictions and malformed facts")
    common(c)
    selection(c)
    c.add_argument("--format", choices=CHECK_FORMATS, default="text")
    c.add_argument("--output-file", "-o", help="write the report to this file, not stdout")
    c.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    c.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff: unsafe fixes too"
    )
    c.add_argument("--diff", action="store_true", help="show the fixes as a diff; write nothing")

    rep = sub.add_parser("report", help="batch report: summary tables and a self-contained HTML")
    common(rep)
    selection(rep)
    rep.add_argument("--html", metavar="FILE", help="write the HTML report to FILE")
    rep.add_argument("--json", metavar="FILE", help="write the JSON report (as check's) to FILE")
    rep.add_argument("--sarif", metavar="FILE", help="write the SARIF report to FILE")
    rep.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local processes (--jobs), or a Dask cluster (needs factcheck[dask])",
    )
    rep.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="--engine dask: the scheduler (tcp://host:8786); default: a local cluster of "
        "--jobs workers (2 unless given)",
    )
    rep.add_argument(
        "--progress",
        choices=["auto", "on", "off"],
        default="auto",
        help="progress bar (auto: on a terminal, not in CI)",
    )

    e = sub.add_parser("extract", help="list the facts found (dates, ordinals, counts ...)")
    common(e)
    e.add_argument("--format", choices=["json", "jsonl"], default="json")

    cf = sub.add_parser("config", help="show the configuration that applies to a path")
    cf.add_argument("path", nargs="?", default=".", help="file or folder (default: .)")
    cf_src = cf.add_mutually_exclusive_group()
    cf_src.add_argument("--config", help="use this config file instead of searching for one")
    cf_src.add_argument("--isolated", action="store_true", help="ignore all config files")
    cf.add_argument("--format", choices=["text", "json"], default="text")

    rl = sub.add_parser("rules", help="list the rules (built-in, the config's packs, PACK...)")
    rl.add_argument("packs", nargs="*", metavar="PACK", help="extra rule pack files or folders")
    rl.add_argument(
        "--verify", action="store_true", help="run every example of the packs; exit 2 if any fails"
    )
    r = sub.add_parser("rule", help="explain one rule, with its examples")
    r.add_argument("id")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.version:
            from . import __version__

            print(f"factcheck {__version__}")
            return EXIT_OK
        if args.command is None:
            raise UsageError(
                "a command is required: check, report, extract, config, rules or rule (see --help)"
            )
        return _COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # the last guard: one line, never a traceback
        from .config import ConfigError
        from .rulepack import RuleError

        if isinstance(exc, ConfigError):
            print(f"factcheck: config error: {exc}", file=sys.stderr)
        elif isinstance(exc, RuleError):
            print(f"factcheck: rule pack error: {exc}", file=sys.stderr)
        else:
            print(f"factcheck: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _given_date(args: argparse.Namespace) -> DateChoice | None:
    if args.date:
        try:
            return DateChoice(parse_date(args.date), "given")
        except ValueError as exc:
            raise UsageError(f"--date: {exc}") from None
    return None


def _forced_config(args: argparse.Namespace) -> Config | None:
    """The config named by --config, the defaults for --isolated, else None (search)."""
    from pathlib import Path

    from .config import load_config_file

    if getattr(args, "isolated", False):
        return Config()
    if getattr(args, "config", None):
        path = Path(args.config)
        if not path.is_file():
            raise UsageError(f"--config: {args.config}: no such file")
        found = load_config_file(path)
        if found is None:
            raise UsageError(f"--config: {args.config}: has no [tool.factcheck] table")
        return found
    return None


def _articles(args: argparse.Namespace, errors: list[str]) -> Iterator[Article]:
    """Every article of the command line's paths; input errors are noted and skipped."""
    given = _given_date(args)
    forced = _forced_config(args)
    if args.paths.count("-") > 1:
        raise UsageError("stdin ('-') can be read only once")
    fields = {"text": args.text_field, "id": args.id_field, "date": args.date_field}
    fields = {k: v for k, v in fields.items() if v}
    for path in args.paths:
        try:
            for file in expand(path, tuple(args.include), tuple(args.exclude)):
                try:
                    for item in read_articles(
                        file, given, args.stdin_filename, forced or None, fields,
                        encoding=args.encoding, max_mb=_limit(args.max_size, DEFAULT_MAX_MB),
                    ):  # fmt: skip
                        if isinstance(item, InputError):
                            errors.append(str(item))
                            print(f"factcheck: {item}", file=sys.stderr)
                        else:
                            yield item
                except InputError as exc:
                    errors.append(str(exc))
                    print(f"factcheck: {exc}", file=sys.stderr)
        except InputError as exc:
            errors.append(str(exc))
            print(f"factcheck: {exc}", file=sys.stderr)


def _limit(value: float | None, default: float) -> float | None:
    """An option's limit: the default when not given, None (no limit) for 0."""
    if value is None:
        return default
    return value or None


def _take_errors(results: list[Result], errors: list[str]) -> list[Result]:
    """The results that were checked; those given up on (time budget) become input errors."""
    for res in results:
        if res.error:
            errors.append(res.error)
            print(f"factcheck: {res.error}", file=sys.stderr)
    return [res for res in results if not res.error]


def _rule_choice(args: argparse.Namespace) -> RuleChoice:
    from .config import config_for
    from .guard import DEFAULT_BUDGET
    from .pipeline import known_rule_ids

    choice = RuleChoice(
        select=args.select,
        ignore=tuple(args.ignore or ()),
        time_budget=_limit(args.timeout, DEFAULT_BUDGET),
    )
    base = _forced_config(args) or config_for(".")
    known = known_rule_ids(base, choice)
    for code in (args.select or []) + (args.ignore or []):
        if code != "ALL" and not any(k.startswith(code) for k in known):
            raise UsageError(f"unknown rule code or prefix: {code}")
    return choice


def _fails(args: argparse.Namespace, results: list[Result]) -> bool:
    from .pipeline import fails

    for res in results:
        level = args.fail_level or res.article.config.fail_level
        if any(fails(f.severity, level) for f in res.findings):
            return True
    return False


def _exit_code(args: argparse.Namespace, results: list[Result], errors: list[str]) -> int:
    if errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if _fails(args, results) else EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes works with --fix or --diff")
    if args.fix and args.diff:
        raise UsageError("--fix and --diff exclude each other: --diff writes nothing")
    if args.fix and "-" in args.paths:
        raise UsageError("--fix cannot write to stdin; use --diff to see the fixes")
    from .parallel import check_articles

    choice = _rule_choice(args)
    errors: list[str] = []
    results = list(check_articles(_articles(args, errors), choice, args.jobs))
    results = _take_errors(results, errors)
    with _output(args.output_file) as out:
        if args.diff:
            return _show_diff(out, args, results, errors)
        fixed: dict[int, int] = {}
        if args.fix:
            fixed = _apply_fixes(args, results, errors)
        _write_report(out, args.format, results, errors, fixed)
    return _exit_code(args, results, errors)


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if not path:
        yield sys.stdout
        return
    try:
        fh = open(path, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise UsageError(f"--output-file: {path}: {exc.strerror or exc}") from None
    with fh:
        yield fh


def _show_diff(out: TextIO, args: argparse.Namespace, results: list[Result], errors) -> int:
    from .fixes import apply_fixes, unified_diff

    changed = 0
    for res in results:
        if "line" in res.article.doc.meta:
            continue  # a JSONL record: its fixes are not file edits
        after, chosen = apply_fixes(res.article.raw, res.findings, args.unsafe_fixes)
        if chosen:
            changed += 1
            out.write(unified_diff(res.article.raw, after, res.article.doc.path))
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if changed else EXIT_OK


def _apply_fixes(
    args: argparse.Namespace, results: list[Result], errors: list[str]
) -> dict[int, int]:
    """Fix the files; findings that were fixed leave the results. Returns fixed counts.

    A file that cannot be written (read-only, an encoding that cannot hold the fix) is an
    input error, one line; its findings stay in the report and the other files are fixed.
    """
    from .fixes import FixError, apply_fixes, write_fix

    fixed: dict[int, int] = {}
    for i, res in enumerate(results):
        art = res.article
        if art.file is None:
            continue
        after, chosen = apply_fixes(art.raw, res.findings, args.unsafe_fixes)
        if not chosen:
            continue
        try:
            write_fix(art.file, after, art.bom, art.encoding, art.exact)
        except FixError as exc:
            errors.append(str(exc))
            print(f"factcheck: {exc}", file=sys.stderr)
            continue
        done = {id(f) for f in chosen}
        res.findings = [f for f in res.findings if id(f) not in done]
        fixed[i] = len(chosen)
    return fixed


def _write_report(
    out: TextIO,
    fmt: str,
    results: list[Result],
    errors: list[str],
    fixed: dict[int, int] | None = None,
) -> None:
    from .report import jsonout

    fixed = fixed or {}
    files = [
        jsonout.file_findings(r.article.doc, r.findings, len(r.suppressed), fixed.get(i, 0))
        for i, r in enumerate(results)
    ]
    summary = jsonout.summary(files, errors)
    pairs = [(r.article.doc, r.findings) for r in results]
    if fmt == "text":
        from .document import Document
        from .report.text import make_console, print_date_note, print_findings, print_summary

        console = make_console(out)
        for r in results:
            doc = r.article.doc
            print_date_note(console, doc)
            # Show the source line as it is in the file (tags, code and all): the offsets
            # are raw-file offsets, so the carets land on the same characters.
            shown = doc if r.article.raw == doc.text else Document(r.article.raw, path=doc.path)
            print_findings(console, shown, r.findings)
        print_summary(console, summary)
    elif fmt == "json":
        json.dump(
            {"version": jsonout.VERSION, "files": files, "summary": summary},
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    elif fmt == "jsonl":
        from .report.jsonlines import write_jsonl

        write_jsonl(out, pairs)
    elif fmt == "github":
        from .report.github import write_github

        write_github(out, pairs)
        for err in errors:
            out.write(f"::error title=factcheck input error::{err}\n")
    else:
        from . import __version__
        from .pipeline import rules_for_config
        from .report.sarif import sarif_log, write_sarif

        rules: dict[str, Rule] = {}
        for r in results:
            for rule in rules_for_config(r.article.config, RuleChoice()):
                rules.setdefault(rule.id, rule)
        if not rules:
            from .engine import default_rules

            rules = {rule.id: rule for rule in default_rules()}
        triples = [(r.article.doc, r.findings, r.suppressed) for r in results]
        log = sarif_log(triples, sorted(rules.values(), key=lambda r: r.id), errors, __version__)
        write_sarif(out, log)


def cmd_report(args: argparse.Namespace) -> int:
    from .pipeline import check_article
    from .report.batch import progress_wanted, summary_tables, with_progress

    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler works with --engine dask")
    choice = _rule_choice(args)
    errors: list[str] = []
    articles = list(_articles(args, errors))
    show = progress_wanted(args.progress)
    if args.engine == "dask" or args.jobs != 1:
        from .parallel import EngineError, report_results

        try:
            results = report_results(articles, choice, show, args.jobs, args.engine, args.scheduler)
        except EngineError as exc:
            raise UsageError(str(exc)) from None
    else:
        results = with_progress((check_article(a, choice) for a in articles), len(articles), show)
    results = _take_errors(results, errors)
    summary_tables(results, errors)
    for fmt, path in (("json", args.json), ("sarif", args.sarif)):
        if path:
            try:
                with open(path, "w", encoding="utf-8", newline="\n") as out:
                    _write_report(out, fmt, results, errors)
            except OSError as exc:
                raise UsageError(f"--{fmt}: {path}: {exc.strerror or exc}") from None
    if args.html:
        from .report.html import write_html_report

        try:
            write_html_report(args.html, results, errors)
        except OSError as exc:
            raise UsageError(f"--html: {args.html}: {exc.strerror or exc}") from None
        print(f"HTML report: {args.html}", file=sys.stderr)
    return _exit_code(args, results, errors)


def cmd_config(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .config import config_for

    if not Path(args.path).exists():
        raise UsageError(f"{args.path}: no such file or folder")
    cfg = _forced_config(args) or config_for(args.path)
    data = cfg.to_json()
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"# configuration for {args.path}")
    print(f"# from: {cfg.source or 'built-in defaults (no config file found)'}")
    for key, value in data.items():
        if key == "config-file":
            continue
        if isinstance(value, dict):
            print(f"[{key}]" if value else f"[{key}]  # none")
            for k, v in value.items():
                print(
                    f"  {json.dumps(k) if not k.replace('-', '').isalnum() else k} = "
                    f"{json.dumps(v, ensure_ascii=False)}"
                )
        else:
            print(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from .guard import DEFAULT_BUDGET, CheckTimeout, guarded_extract
    from .report import jsonout

    errors: list[str] = []
    files = []
    for article in _articles(args, errors):
        doc = article.doc
        try:
            facts = guarded_extract(doc, _limit(args.timeout, DEFAULT_BUDGET))
        except CheckTimeout as exc:
            errors.append(str(exc))
            print(f"factcheck: {exc}", file=sys.stderr)
            continue
        if args.format == "jsonl":
            rec = {"id": doc.meta.get("id", doc.path), "facts": [f.to_json() for f in facts]}
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            files.append(jsonout.file_facts(doc, facts))
    if args.format == "json":
        json.dump(
            {"version": jsonout.VERSION, "files": files}, sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
    return EXIT_ERROR if errors else EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from pathlib import Path

    from rich.table import Table

    from .config import config_for
    from .engine import rules_for
    from .report.text import make_console

    packs = [Path(p) for p in args.packs]
    for pack in packs:
        if not pack.exists():
            raise UsageError(f"{pack}: no such rule pack file or folder")
    # The packs the configuration of the current folder adds, as a check here would use.
    rules = rules_for([*config_for(".").rule_packs, *packs])
    if args.verify:
        from .verify import verify

        problems = verify(rules)
        for line in problems:
            print(f"factcheck: {line}", file=sys.stderr)
        examples = sum(len(r.fire) + len(r.pass_) for r in rules)
        print(f"{len(rules)} rules, {examples} examples: {len(problems) or 'none'} failing")
        return EXIT_ERROR if problems else EXIT_OK
    table = Table("id", "name", "severity", "kind", "message", box=None, highlight=False)
    for r in rules:
        table.add_row(r.id, r.name, r.severity, r.kind, r.message)
    make_console().print(table)
    return EXIT_OK


def cmd_rule(args: argparse.Namespace) -> int:
    from rich.text import Text

    from .engine import default_rules
    from .report.text import make_console

    wanted = args.id.strip().upper()
    for r in default_rules():
        if wanted in (r.id, r.name.upper()):
            con = make_console()
            con.print(Text(f"{r.id} {r.name} ({r.severity}, kind {r.kind})", style="bold"))
            con.print(Text(f"message: {r.message}"))
            con.print()
            con.print(r.explanation)
            con.print()
            con.print(Text("Fires on:", style="bold"))
            for ex in r.fire:
                con.print(Text(f"  ✗ {ex.text}" + (f"   -> {ex.span}" if ex.span else "")))
            con.print(Text("Does not fire on:", style="bold"))
            for ex in r.pass_:
                con.print(Text(f"  ✓ {ex.text}"))
            return EXIT_OK
    raise UsageError(f"unknown rule: {args.id} (see 'factcheck rules')")


_COMMANDS = {
    "check": cmd_check,
    "report": cmd_report,
    "extract": cmd_extract,
    "config": cmd_config,
    "rules": cmd_rules,
    "rule": cmd_rule,
}
