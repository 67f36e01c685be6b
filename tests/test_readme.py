"""The README's rules table must be what `statlint rules --format markdown` prints.

When a rule is added or its summary changes this test fails and its message
holds the fresh table. To update, paste it between the markers in README.md,
or run `.venv/bin/python tests/test_readme.py`, which rewrites that block.
"""
from __future__ import annotations

import pathlib
import re
import sys

from click.testing import CliRunner

README = pathlib.Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- rules:start -->", "<!-- rules:end -->"
_BLOCK = re.compile(re.escape(START) + r"\n(.*?)" + re.escape(END), re.S)


def generated_table() -> str:
    from statlint.checker.cli import main

    result = CliRunner().invoke(main, ["rules", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    return result.output


def readme_table(text: str) -> str:
    m = _BLOCK.search(text)
    assert m, f"README.md lacks the {START} ... {END} markers"
    return m.group(1)


def test_readme_rules_table_is_current():
    fresh = generated_table()
    assert readme_table(README.read_text(encoding="utf-8")) == fresh, (
        "README.md's rules table is stale. Update it with\n"
        "    .venv/bin/python tests/test_readme.py\n"
        f"or paste this between {START} and {END}:\n\n{fresh}"
    )


def test_readme_has_the_quick_start_commands():
    text = README.read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("##", 1)[0]
    assert re.findall(r"^make \w+$", quick, re.M) == ["make demo", "make test"]
    assert "bench/results.md" in text


def test_readme_config_examples_load(tmp_path):
    from statlint.checker.config import load_settings

    text = README.read_text(encoding="utf-8")
    for lang, name in (("ini", "setup.cfg"), ("toml", "pyproject.toml")):
        block = re.search(rf"```{lang}\n(.*?)```", text, re.S)
        assert block, f"README.md lacks a {lang} configuration example"
        example = tmp_path / lang / name
        example.parent.mkdir()
        example.write_text(block.group(1), encoding="utf-8")
        assert load_settings(str(example.parent)).select == ("G", "Q101")


def update() -> None:
    text = README.read_text(encoding="utf-8")
    readme_table(text)  # fails clearly without markers
    README.write_text(_BLOCK.sub(lambda m: f"{START}\n{generated_table()}{END}", text, count=1), encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(README.parent))
    update()
    print(f"updated {README}")


def test_reliability_section_accounts_for_every_plan_item():
    """Every one of RELIABILITY.md's 65 items has a row, and every test a row cites exists."""
    import re

    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Reliability"):text.index("## Benchmarks")]
    covered = set()
    for first, last in re.findall(r"^\| (\d+)(?:-(\d+))? ", section, re.M):
        covered |= set(range(int(first), int(last or first) + 1))
    assert covered == set(range(1, 66))
    defined = set()
    for path in README.parent.joinpath("tests").glob("test_*.py"):
        defined |= set(re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M))
    cited = set(re.findall(r"`(test_\w+)`", section))
    assert cited and cited - defined == set()
