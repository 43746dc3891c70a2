"""`factcheck report`: terminal tables, a progress bar only on a terminal, and the HTML
report opened in real headless Chromium (Debian's chromium and chromium-driver, driven by
Selenium): it loads with no network, shows the counts, and a click on a finding scrolls its
highlight into view. A screenshot is kept in test-artifacts/ (git-ignored)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from newsroom import run

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _batch(fixtures: Path, tmp_path: Path) -> list[str]:
    md = tmp_path / "suppressed.md"
    md.write_text(
        "---\ntitle: A suppressed draft\ndate: 2023-11-25\n---\n"
        "<!-- factcheck: ignore -->\nThe 11st floor.\nThe 12nd floor.\n",
        encoding="utf-8",
    )
    jsonl = tmp_path / "wire.jsonl"
    jsonl.write_text(
        json.dumps({"id": "wire-1", "text": "He came 23th.", "date": "2023-11-25"}) + "\n",
        encoding="utf-8",
    )
    names = ["anyang-press-release.txt", "busan-film-festival.txt", "clean-summit.txt"]
    return [*(str(fixtures / n) for n in names), str(md), str(jsonl)]


@pytest.fixture
def report(fixtures: Path, tmp_path: Path) -> tuple[Path, dict]:
    paths = _batch(fixtures, tmp_path)
    out = tmp_path / "report.html"
    env = {**os.environ, "CI": "true"}
    r = subprocess.run(
        [sys.executable, "-m", "factcheck", "report", *paths, "--date", "2023-11-25",
         "--html", str(out)],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert r.returncode == 1, r.stderr
    assert "Findings per rule" in r.stdout and "worst first" in r.stdout
    assert "\x1b" not in r.stderr  # no progress bar in CI or into a pipe
    data = json.loads(run("check", *paths, "--date", "2023-11-25", "--format", "json").stdout)
    return out, data


def test_html_is_self_contained(report: tuple[Path, dict]) -> None:
    out, data = report
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert f'<span id="total-findings">{data["summary"]["findings"]} finding(s)</span>' in page


def test_progress_bar_on_a_terminal_only(fixtures: Path, tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    master, slave = pty.openpty()
    try:
        r = subprocess.run(
            [sys.executable, "-m", "factcheck", "report", *_batch(fixtures, tmp_path),
             "--date", "2023-11-25"],
            stdout=subprocess.PIPE, stderr=slave, env=env, timeout=300,
        )  # fmt: skip
        os.close(slave)
        shown = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(master)
    assert r.returncode == 1
    assert b"checking" in shown  # the rich progress bar drew on the terminal


@pytest.fixture
def browser(tmp_path: Path):
    if not (CHROMIUM and CHROMEDRIVER):
        if IN_CI:
            pytest.fail("chromium and chromedriver must be installed in CI (.ci/run does it)")
        pytest.skip(
            "chromium / chromedriver not installed (apt-get install chromium chromium-driver)"
        )
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1200,800",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):  # fmt: skip
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _in_view(driver, element) -> bool:
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;",
        element,
    )


def test_report_in_chromium(browser, report: tuple[Path, dict]) -> None:
    from selenium.webdriver.common.by import By

    out, data = report
    browser.get(out.as_uri())
    # Nothing was fetched: no resource entries at all (no scripts, styles, fonts, images).
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    summary = data["summary"]
    total = browser.find_element(By.ID, "total-findings").text
    assert total == f"{summary['findings']} finding(s)"
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.chart g.bar")
    shown = {
        b.get_attribute("data-rule"): int(b.find_element(By.CSS_SELECTOR, "text.count").text)
        for b in bars
    }
    assert shown == summary["by_rule"]
    assert "1 suppressed inline" in browser.find_element(By.ID, "totals").text
    # Worst article first: the one with the most errors.
    sections = browser.find_elements(By.CSS_SELECTOR, "section.article")
    worst = max(
        data["files"],
        key=lambda f: (sum(i["severity"] == "error" for i in f["findings"]), len(f["findings"])),
    )
    assert sections[0].get_attribute("data-path") == worst["path"]
    # A finding far down the page: its highlight is out of view until the click.
    link = sections[-1].find_elements(By.CSS_SELECTOR, "a.finding")[-1]
    target = link.get_attribute("data-target")
    mark = browser.find_element(By.CSS_SELECTOR, f'mark[data-ids~="{target}"]')
    browser.execute_script("window.scrollTo(0, 0)")
    assert not _in_view(browser, mark)
    link.click()  # Selenium scrolls the link (not the highlight) into view to click it
    deadline = time.monotonic() + 5
    while not _in_view(browser, mark) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _in_view(browser, mark)
    assert "active" in mark.get_attribute("class")
    # A contradiction: clicking it lights up its own span and the related one (the other side).
    item = next(
        li
        for li in sections[0].find_elements(By.CSS_SELECTOR, "ol.findings li")
        if li.find_elements(By.CSS_SELECTOR, "a.related")
    )
    item.find_element(By.CSS_SELECTOR, "a.finding").click()
    group = item.find_element(By.CSS_SELECTOR, "a.finding").get_attribute("data-group")
    lit = browser.find_elements(By.CSS_SELECTOR, f'mark.active[data-groups~="{group}"]')
    assert {"related"} < {c for m in lit for c in m.get_attribute("class").split()}
    assert len(lit) >= 2
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "html-report.png"))
