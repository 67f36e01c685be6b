"""Inline suppression through the CLI: every directive form, reasons, and X100 for stale ones."""
from __future__ import annotations

import json

import pytest

from fake_rules import fake_rules  # noqa: F401  (pytest fixture)
from test_cli import run, tree  # noqa: F401  (tree is a pytest fixture)


def findings(path, *flags):
    result = run("check", "--no-config", "--format", "jsonl", *flags, path)
    return result.exit_code, [(d["rule"], d["line"], d["message"]) for d in map(json.loads, result.stdout.splitlines())]


MARKDOWN = """\
FIRE in the intro.

<!-- statlint: disable X901 -- checked with the agency -->
FIRE silenced,
and FIRE on the next line of the same paragraph too. WARN stays.

FIRE after the blank line is reported.
"""


def test_disable_silences_the_next_paragraph_only(fake_rules, tree):
    code, got = findings(tree("a.md", MARKDOWN))
    assert code == 1
    assert got == [("X901", 1, "fake finding"), ("X902", 5, "fake warning"), ("X901", 7, "fake finding")]


def test_disable_without_codes_silences_every_rule(fake_rules, tree):
    code, got = findings(tree("a.md", MARKDOWN.replace("disable X901", "disable")))
    assert got == [("X901", 1, "fake finding"), ("X901", 7, "fake finding")]


def test_off_on_and_names(fake_rules, tree):
    text = "FIRE\n<!-- statlint off -->\nFIRE\n\nWARN\n<!-- statlint on -->\nFIRE WARN\n<!-- statlint: off fake-warn -->\nWARN FIRE\n"
    code, got = findings(tree("a.md", text))
    assert [(c, n) for c, n, _ in got] == [("X901", 1), ("X901", 7), ("X902", 7), ("X901", 9)]


def test_disable_file_anywhere(fake_rules, tree):
    text = "FIRE\n\nWARN\n\n<!-- statlint: disable-file X9 -- wire copy, checked upstream -->\n"
    assert findings(tree("a.md", text)) == (0, [])


def test_plain_text_line_directives(fake_rules, tree):
    text = "statlint: disable X901 -- agency figure\nFIRE here.\n\nFIRE there.\n  statlint: disable-file fake-warn\nWARN\n"
    code, got = findings(tree("a.txt", text))
    assert got == [("X901", 4, "fake finding")]


def test_unused_and_unreadable_directives_are_reported_exactly(fake_rules, tree):
    text = ("<!-- statlint: disable X902 -- was wrong once -->\nFIRE\n\n"
            "<!-- statlint: disable X901, X902 -->\nFIRE\n\n"
            "statlint: disabel X901\n\n"
            "<!-- statlint: disable G999 -->\ncalm\n\n"
            "<!-- statlint on -->\n")
    path = tree("a.md", text)
    result = run("check", "--no-config", "--select", "X9,X100", path)
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if line.startswith("a.md")] == [
        "a.md:1:1: X100 unused suppression: no X902 finding to silence [unused-suppression]",
        "a.md:2:1: X901 fake finding [fake-fire]",
        "a.md:4:1: X100 unused suppression: no X902 finding to silence [unused-suppression]",
        "a.md:7:1: X100 statlint directive not understood: 'disabel X901' (use disable, disable-file, off or on) [unused-suppression]",
        "a.md:9:1: X100 unused suppression: no rule G999 [unused-suppression]",
        "a.md:12:1: X100 statlint directive not understood: 'statlint on' without an earlier 'statlint off' [unused-suppression]",
    ]


def test_suppressions_for_rules_switched_off_are_not_stale(fake_rules, tree):
    path = tree("a.md", "<!-- statlint: disable X902 -->\nWARN\n")
    assert findings(path, "--select", "X901,X100") == (0, [])
    assert findings(path, "--min-severity", "error") == (0, [])  # it does silence a (filtered) warning


def test_x100_can_be_ignored_and_its_severity_is_warning(fake_rules, tree):
    path = tree("a.md", "<!-- statlint: disable -->\ncalm\n")
    assert findings(path, "--ignore", "X100") == (0, [])
    assert run("check", "--no-config", "--fail-on", "error", path).exit_code == 0
    assert run("check", "--no-config", path).exit_code == 1


def test_rule_x100_is_documented():
    result = run("rule", "X100")
    assert result.exit_code == 0
    assert result.stdout.startswith("# X100 unused-suppression (warning)")


@pytest.mark.needs_rules
def test_real_rule_suppressed_in_markdown(tree):
    text = "<!-- statlint: disable G101 -- checked with the agency -->\nSales rose 50% to 150 units from 120 units.\n"
    result = run("check", "--no-config", tree("a.md", text))
    assert result.exit_code == 0 and "No findings in 1 file." in result.stdout


def test_directive_shown_in_inline_code_is_not_one(fake_rules, tree):
    text = "Write `<!-- statlint: disable X901 -->` above a paragraph.\n\nFIRE\n"
    assert findings(tree("a.md", text)) == (1, [("X901", 3, "fake finding")])


@pytest.mark.parametrize("text", [
    "<!-- statlint" * 400_000,  # directive openings that never close
    ("<!-- statlint" + "y" * 290) * 15_000,
    "<!-- statlint: disable X901 -->\n" * 30_000,  # many directives, no blank line: no per-directive search
    "`<!-- statlint off -->" * 200_000,
], ids=["unclosed", "long-unclosed", "many-disable", "code-spans"])
def test_directive_scan_stays_linear(text):
    import time

    from statlint.checker import suppress
    from statlint.checker.config import Settings

    started = time.process_time()  # CPU time: a loaded machine must not fail a linear scan
    suppress.apply(text, [], Settings(), [])
    assert time.process_time() - started < 5
