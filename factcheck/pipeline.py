"""One check run: articles in, findings out, with the configuration of each file applied
(rule selection, severity overrides, extra rule packs, per-file ignores, suppressions)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .findings import SEVERITIES, Finding
from .globs import any_match
from .guard import DEFAULT_BUDGET, CheckTimeout, guarded_extract
from .inputs import Article
from .rulepack import Rule, matches
from .suppress import split_suppressed

_RANK = {s: i for i, s in enumerate(reversed(SEVERITIES))}  # info 0 < warning 1 < error 2


@dataclass
class Result:
    article: Article
    findings: list[Finding]
    suppressed: list[Finding] = field(default_factory=list)
    # Set when the article could not be checked (over its time budget): the one line shown
    # to the user. Callers move it to the run's input errors and drop the result.
    error: str | None = None


@dataclass
class RuleChoice:
    """Rule selection from the command line, which wins over the configuration."""

    select: Sequence[str] | None = None
    ignore: Sequence[str] = ()
    extend_packs: Sequence[Path] = ()
    # Seconds one document may take (--timeout); over it, check_article gives up on it. It
    # rides here because the choice reaches every worker of a run.
    time_budget: float | None = DEFAULT_BUDGET


def fails(severity: str, fail_level: str) -> bool:
    return _RANK.get(severity, 0) >= _RANK.get(fail_level, 0)


_RULES: dict[tuple, list[Rule]] = {}


def rules_for_config(config: Config, choice: RuleChoice) -> list[Rule]:
    """The rules a file is checked with: packs, then severity overrides, then selection."""
    from .engine import rules_for

    packs = tuple(config.rule_packs) + tuple(choice.extend_packs)
    select = choice.select if choice.select is not None else config.select
    ignore = tuple(config.ignore) + tuple(choice.ignore)
    key = (packs, tuple(select) if select is not None else None, ignore, config.severity)
    if key not in _RULES:
        rules = list(rules_for(list(packs)))
        overrides = dict(config.severity)
        for i, rule in enumerate(rules):
            for code, sev in overrides.items():
                if matches(rule.id, [code]):
                    rules[i] = dataclasses.replace(rule, severity=sev)
        _RULES[key] = [
            r
            for r in rules
            if (not select or matches(r.id, list(select))) and not matches(r.id, list(ignore))
        ]
    return _RULES[key]


def known_rule_ids(config: Config, choice: RuleChoice) -> set[str]:
    from .engine import rules_for

    return {r.id for r in rules_for([*config.rule_packs, *choice.extend_packs])}


def _per_file_ignored(article: Article) -> list[str]:
    cfg = article.config
    if not cfg.per_file_ignores or article.origin is None:
        return []
    try:
        rel = article.origin.resolve().relative_to(cfg.root)
    except ValueError:
        rel = article.origin
    codes: list[str] = []
    for pattern, ignored in cfg.per_file_ignores:
        if any_match([pattern], rel):
            codes.extend(ignored)
    return codes


def check_article(article: Article, choice: RuleChoice | None = None) -> Result:
    """The findings of one article.

    Long documents are extracted in bounded pieces (see factcheck.guard), so one
    pathological file costs at most ``choice.time_budget``; over it, the Result carries an
    ``error`` and no findings rather than raising, so a batch (or a worker) goes on.
    """
    from .engine import check_document

    choice = choice or RuleChoice()
    rules = rules_for_config(article.config, choice)
    ignored = _per_file_ignored(article)
    if ignored:
        rules = [r for r in rules if not matches(r.id, ignored)]
    try:
        facts = guarded_extract(article.doc, choice.time_budget)
    except CheckTimeout as exc:
        return Result(article, [], error=str(exc))
    findings = check_document(article.doc, rules, facts)
    kept, suppressed = split_suppressed(
        findings, article.suppressions, lambda off: article.doc.line_col(off)[0]
    )
    return Result(article, kept, suppressed)
