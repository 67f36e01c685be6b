"""The HTML report and the served page in a real browser: headless Chromium (Debian's package) under Playwright.

Checked: every finding is highlighted over its text in its severity's
colour; hovering, clicking and the Tab key each show its message and
light its related numbers; a pasted or uploaded story is checked on the
served page; hostile input (a story with <script> and an onerror image)
runs nothing and opens no dialog; the page raises no script error and no
policy violation. Screenshots go to a temporary folder; with
STATLINT_DOCS_SCREENSHOTS=1 they are also written to docs/ for the README.

Playwright drives the system's /usr/bin/chromium (its own browser download
is never used). Without Chromium the tests skip, except in CI (CI=true),
where .ci/run installs it and a skip would hide a broken page.
"""
from __future__ import annotations

import json
import os
import pathlib
import shutil

import pytest

from live_server import live_server
from test_cli import run

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
ROOT = pathlib.Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not IN_CI:
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver)", allow_module_level=True)
    pytest.importorskip("playwright", reason="Playwright is not installed (make .venv installs the browser extra)")
    pytest.importorskip("starlette", reason="starlette is not installed (make .venv installs the serve extra)")

pytestmark = pytest.mark.needs_rules

# A story we wrote, with an error and a warning of several rules (the screenshot in the README).
STORY = """Harbour city posts record tourism year

The city welcomed 4.8 million visitors last year, up 12% from 3.9 million in 2022, the tourism board said on Monday.

Hotel revenue fell 140% to 2.1 billion yuan. Room occupancy rose from 62% to 68%, an increase of 6%.

The 4.8 million visitors included 1.9 million from the mainland, 1.2 million from Southeast Asia and 0.9 million \
from Europe.

The new terminal, 1,2345 square metres in size, opened in March.
"""
HOSTILE = ("Imports <script>window.pwned=1</script> rose 50% to 150 units from 120 units. "
           "\"><img src=x onerror=\"window.pwned=2;alert('pwned')\"> <svg onload=\"window.pwned=3\"></svg>\n")
SEVERITY_BACKGROUND = {"error": "rgb(253, 228, 226)", "warning": "rgb(255, 240, 194)", "info": "rgb(227, 237, 255)"}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": 1200, "height": 820}, device_scale_factor=1)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser):
    """A fresh tab that records script errors, console errors (policy violations are) and dialogs."""
    tab = browser.new_page()
    tab.problems, tab.dialogs = [], []
    tab.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
    tab.on("console", lambda m: tab.problems.append(f"console: {m.text}") if m.type == "error" else None)

    def on_dialog(dialog):
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    yield tab
    tab.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    return tmp_path_factory.mktemp("screenshots")


def screenshot(tab, shots, name: str, full_page: bool = False) -> None:
    tab.screenshot(path=str(shots / name), full_page=full_page)
    if os.environ.get("STATLINT_DOCS_SCREENSHOTS"):
        DOCS.mkdir(exist_ok=True)
        tab.screenshot(path=str(DOCS / name), full_page=full_page)
    assert (shots / name).stat().st_size > 1000


def report_of(tmp_path, monkeypatch, stories: dict[str, str]) -> tuple[pathlib.Path, list[dict]]:
    """The HTML report of the stories, written by the CLI, and the JSON report of the same run."""
    monkeypatch.chdir(tmp_path)  # paths as an editor would type them
    paths = list(stories)
    for name, text in stories.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = tmp_path / "report.html"
    assert run("check", "--no-config", "--format", "html", "-o", str(report), *paths).exit_code in (0, 1)
    files = json.loads(run("check", "--no-config", "--format", "json", *paths).stdout)["files"]
    return report, files


def shown_card(tab) -> dict:
    """What the pop-up shows: its visibility and the messages of the cards in it."""
    return tab.evaluate("""() => { const pop = document.getElementById('pop');
        return {hidden: pop.hidden, messages: [...pop.querySelectorAll('.msg')].map(e => e.textContent)}; }""")


def lit(tab, cls: str) -> list[tuple[bool, str | None]]:
    return tab.eval_on_selector_all("." + cls, "els => els.map(e => [e.classList.contains('on'), e.dataset.label || null])")


def test_report_highlights_every_finding_and_explains_it(tmp_path, monkeypatch, page, shots):
    report, files = report_of(tmp_path, monkeypatch, {"harbour.txt": STORY, "calm.txt": "Nothing to see.\n"})
    findings = files[0]["findings"]
    assert {f["severity"] for f in findings} == {"error", "warning"}
    page.goto(report.as_uri())
    assert page.inner_text("#summary .verdict") == (
        f"Found {len(findings)} findings ({sum(f['severity'] == 'error' for f in findings)} errors, 1 warning) in 2 files.")
    for i, f in enumerate(findings):
        pieces = page.locator(f".f-0-{i}")
        assert "".join(pieces.all_inner_texts()) == f["text"]
        assert pieces.first.evaluate("e => getComputedStyle(e).backgroundColor") == SEVERITY_BACKGROUND[f["severity"]]
        page.mouse.move(0, 0)
        pieces.first.hover()
        assert shown_card(page) == {"hidden": False, "messages": [f["message"]]}
        for j, r in enumerate(f["related"]):
            assert "".join(page.locator(f".r-0-{i}-{j}").all_inner_texts()) == r["text"]
            assert lit(page, f"r-0-{i}-{j}")[0] == [True, r["role"]]
    with_related = next(i for i, f in enumerate(findings) if f["related"])
    page.locator(f".f-0-{with_related}").first.click()
    page.mouse.move(5, 5)  # pinned: leaving the mark keeps the card
    assert shown_card(page)["messages"] == [findings[with_related]["message"]]
    screenshot(page, shots, "report.png", full_page=True)
    page.keyboard.press("Escape")
    assert shown_card(page) == {"hidden": True, "messages": []}
    assert page.problems == [] and page.dialogs == []


def test_report_findings_are_reached_with_the_keyboard_and_from_their_cards(tmp_path, monkeypatch, page):
    report, files = report_of(tmp_path, monkeypatch, {"harbour.txt": STORY})
    findings = files[0]["findings"]
    page.goto(report.as_uri())
    reached = []
    for _ in range(60):  # bounded: the page has a summary link, the marks and the cards
        page.keyboard.press("Tab")
        key = page.evaluate("document.activeElement.matches('mark.hl') ? document.activeElement.dataset.f : null")
        if key:
            reached.append((key, shown_card(page)["messages"]))
        if len(reached) == len(findings):
            break
    assert reached == [(f"0-{i}", [f["message"]]) for i, f in enumerate(findings)]
    last = len(findings) - 1
    page.keyboard.press("Escape")
    page.locator(f"#card-0-{last}").click()
    assert page.evaluate("document.activeElement.dataset.f") == f"0-{last}"
    assert shown_card(page)["messages"] == [findings[last]["message"]]
    assert page.problems == []


def test_hostile_story_in_the_report_runs_nothing(tmp_path, monkeypatch, page):
    report, files = report_of(tmp_path, monkeypatch, {"<img src=x onerror=alert(1)>.txt": HOSTILE})
    assert files[0]["findings"], "the hostile story must have a finding, so its text is on the page"
    page.goto(report.as_uri())
    for mark in page.locator("mark.hl").all():
        mark.hover()
        mark.click()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.dialogs == [] and page.locator("#page img, #page svg").count() == 0
    assert page.inner_text(".story").replace("\n", "") == HOSTILE.strip().replace("\n", "")
    assert page.problems == []


@pytest.fixture(scope="module")
def server():
    with live_server(workers=1, max_bytes=64 * 1024) as url:
        yield url


def test_served_page_checks_a_pasted_story(server, page, shots):
    import httpx

    expected = httpx.post(server + "/api/check", json={"text": STORY}, timeout=120).json()["files"][0]["findings"]
    page.goto(server + "/")
    page.fill("#text", STORY)
    page.click("button[type=submit]")
    page.wait_for_selector("#report .file", timeout=60_000)
    for i, f in enumerate(expected):
        assert "".join(page.locator(f"#report .f-0-{i}").all_inner_texts()) == f["text"]
    growth = next(i for i, f in enumerate(expected) if f["rule"] == "G101")
    page.locator(f"#report .f-0-{growth}").first.hover()
    assert shown_card(page) == {"hidden": False, "messages": [expected[growth]["message"]]}
    assert page.inner_text("#status").startswith("Checked: ")
    screenshot(page, shots, "serve.png")
    assert page.problems == [] and page.dialogs == []


@pytest.mark.parametrize("name", ["harbour.docx", "harbour.md"])
def test_served_page_checks_an_uploaded_word_or_markdown_file(server, page, name):
    import httpx

    data = (ROOT / "fixtures" / "formats" / name).read_bytes()
    expected = httpx.post(server + "/api/check", files={"file": (name, data)}, timeout=120).json()["files"][0]
    page.goto(server + "/")
    page.set_input_files("#file", str(ROOT / "fixtures" / "formats" / name))
    page.click("button[type=submit]")
    page.wait_for_selector("#report .file", timeout=60_000)
    assert page.inner_text("#report .file h2 .path") == name
    assert len(expected["findings"]) == page.locator("#report .card").count() == 3
    for i, f in enumerate(expected["findings"]):
        assert "".join(page.locator(f"#report .f-0-{i}").all_inner_texts()) == f["text"]
    assert page.problems == [] and page.dialogs == []


def test_served_page_explains_refusals(server, page, tmp_path):
    page.goto(server + "/")
    big = tmp_path / "big.txt"
    big.write_bytes(b"calm " * 20000)  # over the server's 64 KB
    page.set_input_files("#file", str(big))
    page.click("button[type=submit]")
    assert page.inner_text("#status") == "big.txt is 100000 bytes; the limit is 65536 bytes."
    page.set_input_files("#file", [])
    page.fill("#text", "calm " * 20000)  # the server refuses it: its message is shown
    page.click("button[type=submit]")
    page.wait_for_selector("#status.bad", timeout=60_000)  # "Checking…" cleared the last refusal's mark
    assert page.inner_text("#status").startswith("request too large (100,011 bytes); the limit is 65,536 bytes.")
    # the browser logs the refused request itself; nothing else went wrong
    assert page.problems == ["console: Failed to load resource: the server responded with a status of 413 "
                             "(Request Entity Too Large)"]


def test_hostile_story_pasted_on_the_served_page_runs_nothing(server, page):
    page.goto(server + "/")
    page.fill("#text", HOSTILE)
    page.click("button[type=submit]")
    page.wait_for_selector("#report .file", timeout=60_000)
    for mark in page.locator("#report mark.hl").all():
        mark.hover()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.dialogs == [] and page.locator("#report img, #report svg").count() == 0
    assert page.inner_text("#report .story").replace("\n", "") == HOSTILE.strip()
    assert page.problems == []
