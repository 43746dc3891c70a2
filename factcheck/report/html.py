"""The batch report as one self-contained HTML file: inline CSS and JS, no network at all.

It shows the counts per rule as a bar chart, then the articles worst first, each with its
findings listed and highlighted in the text. A click on a finding scrolls its highlight into
view and lights up its related spans (the other side of a contradiction) with it.
"""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .batch import badness

if TYPE_CHECKING:
    from ..pipeline import Result

_CSS = """
:root { --error:#c62828; --warning:#b26a00; --info:#1565c0; --related:#00838f; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1em 2em;
       color: #222; }
h1 { margin-bottom: .2em; } .muted { color: #666; }
.totals span { margin-right: 1.2em; }
svg.chart text { font: 13px system-ui, sans-serif; }
svg.chart .error rect { fill: var(--error); } svg.chart .warning rect { fill: var(--warning); }
svg.chart .info rect { fill: var(--info); }
section.article { border-top: 1px solid #ddd; padding: .5em 0 1em; }
section.article h2 { font-size: 1.1em; margin: .4em 0; word-break: break-all; }
.badge { display: inline-block; border-radius: 3px; padding: 0 .4em; color: #fff;
         font-size: .8em; margin-left: .3em; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.badge.info { background: var(--info); } .badge.suppressed { background: #888; }
ol.findings { padding-left: 1.5em; } ol.findings li { margin: .2em 0; }
a.finding { color: inherit; text-decoration: none; border-bottom: 1px dotted #888; }
a.finding .rule { font-weight: 600; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); }
.sev-info { color: var(--info); }
a.related { color: var(--related); }
pre.text { white-space: pre-wrap; word-wrap: break-word; background: #fafafa; padding: .8em;
           border: 1px solid #eee; font: 14px/1.6 ui-monospace, monospace; max-height: 40em;
           overflow: auto; }
mark { background: #ffe0b2; border-bottom: 2px solid var(--warning); padding: 0 1px; }
mark.error { background: #ffcdd2; border-bottom-color: var(--error); }
mark.info { background: #bbdefb; border-bottom-color: var(--info); }
mark.related { background: #b2ebf2; border-bottom: 2px dashed var(--related); }
mark.active { outline: 3px solid #222; background: #fff59d; }
ul.clean { columns: 2; }
"""

_JS = """
document.addEventListener('click', function (ev) {
  var link = ev.target.closest('a[data-target]');
  if (!link) return;
  ev.preventDefault();
  var id = link.getAttribute('data-target');
  var group = link.getAttribute('data-group');
  document.querySelectorAll('mark.active').forEach(function (m) { m.classList.remove('active'); });
  document.querySelectorAll('mark[data-groups~="' + group + '"]').forEach(function (m) {
    m.classList.add('active');
  });
  var target = document.querySelector('mark[data-ids~="' + id + '"]');
  if (target) {
    target.scrollIntoView({block: 'center', inline: 'nearest'});
    history.replaceState(null, '', '#' + id);
  }
});
"""

_BLANK_RUN = re.compile(r"[ \t\u3000]{3,}")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")


def _squeeze(text: str) -> str:
    """Blanked-out markup leaves long runs of spaces and empty lines: shorten them for show."""
    return _BLANK_LINES.sub("\n\n", _BLANK_RUN.sub(" ", text.replace("\r\n", "\n")))


def _highlighted(text: str, spans: list[tuple[int, int, str, str, str]]) -> str:
    """The text as HTML with every span in a <mark>; spans may overlap or nest.

    The text is cut at every span boundary, and each piece is marked with the ids of all
    the spans that cover it, so overlapping spans need no nesting.
    """
    cuts = sorted({0, len(text), *[s for s, *_ in spans], *[e for _, e, *_ in spans]})
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        piece = text[a:b]
        covering = [sp for sp in spans if sp[0] <= a and sp[1] >= b and sp[0] < sp[1]]
        if not covering:
            out.append(html.escape(_squeeze(piece)))
            continue
        ids = " ".join(sp[2] for sp in covering)
        groups = " ".join(sorted({sp[4] for sp in covering}))
        finding = [sp for sp in covering if sp[3] != "related"]
        cls = finding[0][3] if finding else "related"
        starting = [sp[2] for sp in covering if sp[0] == a]
        anchors = "".join(f'<a class="anchor" id="{i}"></a>' for i in starting)
        out.append(
            f'{anchors}<mark class="{cls}" data-ids="{ids}" data-groups="{groups}">'
            f"{html.escape(piece)}</mark>"
        )
    return "".join(out).strip()


def _chart(by_rule: Counter[str], info: dict[str, tuple[str, str]]) -> str:
    if not by_rule:
        return '<p class="muted">No findings.</p>'
    rows = sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    top = max(by_rule.values())
    bar_h, gap, label_w, bar_w = 22, 8, 260, 520
    height = len(rows) * (bar_h + gap)
    width = label_w + bar_w + 60
    parts = [
        f'<svg class="chart" role="img" aria-label="findings per rule" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">'
    ]
    for i, (rule, n) in enumerate(rows):
        name, sev = info[rule]
        y = i * (bar_h + gap)
        w = max(2, round(bar_w * n / top))
        parts.append(
            f'<g class="bar {sev}" data-rule="{rule}" data-count="{n}">'
            f'<text x="0" y="{y + 16}">{html.escape(rule)} {html.escape(name)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" rx="2"></rect>'
            f'<text class="count" x="{label_w + w + 6}" y="{y + 16}">{n}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _article(i: int, r: Result) -> str:
    doc = r.article.doc
    sev = Counter(f.severity for f in r.findings)
    badges = "".join(
        f'<span class="badge {s}">{sev[s]} {s}</span>'
        for s in ("error", "warning", "info")
        if sev[s]
    )
    if r.suppressed:
        badges += f'<span class="badge suppressed">{len(r.suppressed)} suppressed</span>'
    title = r.article.title
    head = html.escape(doc.path) + (
        f' <span class="muted">— {html.escape(title)}</span>' if title else ""
    )
    date = doc.date.isoformat() if doc.date else "unknown"
    spans: list[tuple[int, int, str, str, str]] = []
    items: list[str] = []
    for j, f in enumerate(r.findings):
        fid = f"f{i}-{j}"
        spans.append((f.start, f.end, fid, f.severity, fid))
        line, col = doc.line_col(f.start)
        related = []
        for k, rel in enumerate(f.related):
            rid = f"{fid}-r{k}"
            spans.append((rel.start, rel.end, rid, "related", fid))
            related.append(
                f'<a class="related" href="#{rid}" data-target="{rid}" data-group="{fid}">'
                f"related: {html.escape(rel.text)}</a>"
            )
        fix = ""
        if f.fix:
            unsafe = "" if f.fix.safe else ", unsafe"
            fix = f' <span class="muted">(fix: {html.escape(f.fix.replacement)}{unsafe})</span>'
        items.append(
            f'<li><a class="finding sev-{f.severity}" href="#{fid}" '
            f'data-target="{fid}" data-group="{fid}">'
            f'<span class="rule">{f.rule}</span> [{f.severity}] {line}:{col} '
            f"{html.escape(f.message)}</a>{fix} {' '.join(related)}</li>"
        )
    return (
        f'<section class="article" id="a{i}" data-path="{html.escape(doc.path)}">'
        f"<h2>{head}{badges}</h2>"
        f'<div class="muted">publication date {date} ({html.escape(doc.date_source)})</div>'
        f'<ol class="findings">{"".join(items)}</ol>'
        f'<pre class="text">{_highlighted(doc.text, spans)}</pre></section>'
    )


def render_html(results: Sequence[Result], errors: Sequence[str]) -> str:
    by_rule: Counter[str] = Counter()
    info: dict[str, tuple[str, str]] = {}
    sev: Counter[str] = Counter()
    for r in results:
        for f in r.findings:
            by_rule[f.rule] += 1
            sev[f.severity] += 1
            info[f.rule] = (f.name, f.severity)
    ordered = sorted(results, key=badness, reverse=True)
    flagged = [r for r in ordered if r.findings]
    clean = [r for r in ordered if not r.findings]
    suppressed = sum(len(r.suppressed) for r in results)
    counts_table = "".join(
        f'<tr data-rule="{rule}"><td>{rule}</td><td>{html.escape(info[rule][0])}</td>'
        f'<td>{info[rule][1]}</td><td class="count">{n}</td></tr>'
        for rule, n in sorted(by_rule.items())
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>factcheck report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>factcheck report</h1>",
        f'<p class="totals" id="totals"><span>{len(results)} article(s)</span>'
        f'<span id="total-findings">{sum(by_rule.values())} finding(s)</span>'
        f'<span class="sev-error">{sev["error"]} error(s)</span>'
        f'<span class="sev-warning">{sev["warning"]} warning(s)</span>'
        f'<span class="sev-info">{sev["info"]} info</span>'
        f"<span>{suppressed} suppressed inline</span>"
        f"<span>{len(errors)} input error(s)</span></p>",
        "<h2>Findings per rule</h2>",
        _chart(by_rule, info),
        '<table class="counts"><tr><th>rule</th><th>name</th><th>severity</th>'
        "<th>findings</th></tr>"
        f"{counts_table}</table>",
    ]
    if errors:
        parts.append("<h2>Input errors</h2><ul>")
        parts += [f"<li>{html.escape(e)}</li>" for e in errors]
        parts.append("</ul>")
    parts.append(f"<h2>Articles, worst first ({len(flagged)} with findings)</h2>")
    parts += [_article(i, r) for i, r in enumerate(flagged)]
    if clean:
        parts.append(f"<h2>Articles without findings ({len(clean)})</h2><ul class='clean'>")
        parts += [f"<li>{html.escape(r.article.doc.path)}</li>" for r in clean]
        parts.append("</ul>")
    parts.append(f"<script>{_JS}</script></body></html>")
    return "\n".join(parts)


def write_html_report(path: str, results: Sequence[Result], errors: Sequence[str]) -> None:
    Path(path).write_text(render_html(results, errors), encoding="utf-8")
