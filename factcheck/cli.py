"""The factcheck command line: check, extract, rules, rule."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import NoReturn

from .inputs import DateChoice, InputError, parse_date, read_documents

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, as ruff does
        raise UsageError(message)


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="factcheck", description="Fact-consistency checker for mixed-language news.")
    p.add_argument("--version", action="store_true", help="print the version and exit")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("paths", nargs="+", metavar="PATH", help="files to read ('-' for stdin)")
        sp.add_argument(
            "--date",
            help="publication date (YYYY-MM-DD) that partial and relative "
            "dates resolve against; default: the record's date field, else today",
        )
        sp.add_argument("--text-field", default="text", help="JSONL: field with the article text")
        sp.add_argument("--id-field", default="id", help="JSONL: field with the record id")
        sp.add_argument("--date-field", default="date", help="JSONL: field with the date")

    c = sub.add_parser("check", help="report contradictions and malformed facts")
    common(c)
    c.add_argument("--format", choices=["text", "json"], default="text")
    c.add_argument(
        "--select", type=_codes, default=None, help="rule codes or prefixes, comma-separated"
    )
    c.add_argument("--ignore", type=_codes, default=None, help="rule codes or prefixes to skip")

    e = sub.add_parser("extract", help="list the facts found (dates, ordinals, counts ...)")
    common(e)
    e.add_argument("--format", choices=["json", "jsonl"], default="json")

    sub.add_parser("rules", help="list the rules")
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
            raise UsageError("a command is required: check, extract, rules or rule (see --help)")
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
        from .rulepack import RuleError

        if isinstance(exc, RuleError):
            print(f"factcheck: rule pack error: {exc}", file=sys.stderr)
        else:
            print(f"factcheck: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _date_choice(args: argparse.Namespace) -> DateChoice:
    if args.date:
        try:
            return DateChoice(parse_date(args.date), "given")
        except ValueError as exc:
            raise UsageError(f"--date: {exc}") from None
    return DateChoice(dt.date.today(), "today")


def _documents(args: argparse.Namespace, errors: list[str]):
    date = _date_choice(args)
    if args.paths.count("-") > 1:
        raise UsageError("stdin ('-') can be read only once")
    for path in args.paths:
        try:
            for item in read_documents(path, date, args.text_field, args.id_field, args.date_field):
                if isinstance(item, InputError):
                    errors.append(str(item))
                    print(f"factcheck: {item}", file=sys.stderr)
                else:
                    yield item
        except InputError as exc:
            errors.append(str(exc))
            print(f"factcheck: {exc}", file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    from .engine import check_document, default_rules, select_rules
    from .report import jsonout

    rules = select_rules(default_rules(), args.select, args.ignore)
    known = {r.id for r in default_rules()}
    for code in (args.select or []) + (args.ignore or []):
        if code != "ALL" and not any(k.startswith(code) for k in known):
            raise UsageError(f"unknown rule code or prefix: {code}")
    errors: list[str] = []
    files = []
    console = None
    if args.format == "text":
        from .report.text import make_console, print_date_note, print_findings

        console = make_console()
    for doc in _documents(args, errors):
        findings = check_document(doc, rules)
        files.append(jsonout.file_findings(doc, findings))
        if console is not None:
            print_date_note(console, doc)
            print_findings(console, doc, findings)
    summary = jsonout.summary(files, errors)
    if console is not None:
        from .report.text import print_summary

        print_summary(console, summary)
    else:
        json.dump(
            {"version": jsonout.VERSION, "files": files, "summary": summary},
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if summary["findings"] else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract import extract
    from .report import jsonout

    errors: list[str] = []
    files = []
    for doc in _documents(args, errors):
        facts = extract(doc)
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
    from rich.table import Table

    from .engine import default_rules
    from .report.text import make_console

    table = Table("id", "name", "severity", "kind", "message", box=None, highlight=False)
    for r in default_rules():
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


_COMMANDS = {"check": cmd_check, "extract": cmd_extract, "rules": cmd_rules, "rule": cmd_rule}
