"""The README says only what statlint does: every command and example in it is run here.

Fenced blocks are read by their language:
- `console`: `$ command` lines, each followed by the output it prints; the
  command runs under bash from the repository root with the installed
  `statlint` first on PATH, and its output (stdout and stderr) must be the
  block's, line for line. A mismatch fails with a diff of README vs real.
- `sh`: commands for the reader's machine. `statlint ...` lines run in order
  in a copy of fixtures/sample-repo and must not be a usage or configuration
  error; `make demo` runs its Makefile recipe; `make test`/`bench`/`fuzz` (long)
  and `pip`/`pipx install .` (network) are checked to exist, not run.
- `python`: run in a fresh interpreter; a `text` block right after it is the
  output it must print.
- `markdown`: a suppression example: statlint must report nothing in it.
- `yaml`: must parse, and every statlint `rev:` / `uses: ...@ref` must be a ref
  that exists (a tag of this repository, or `main`) or an explained placeholder.
- `ini`/`toml`: configuration examples that must load.

The rules table must be what `statlint rules --format markdown` prints: when a
rule is added or its summary changes the test fails and its message holds the
fresh table. To update, paste it between the markers in README.md, or run
`.venv/bin/python tests/test_readme.py`, which rewrites that block, and the
output shown in every console block and after every python example, from
what they print now (read the diff before committing it).
"""
from __future__ import annotations

import dataclasses
import difflib
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest
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


# --- every fenced block of the README, run -------------------------------------------------------------------

_FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.S | re.M)
LONG_MAKE_TARGETS = {"test", "bench", "fuzz"}  # minutes each (`make test` is this very run)


@dataclasses.dataclass(frozen=True)
class Block:
    lang: str
    body: str
    line: int  # of the opening fence, 1-based
    end: int  # offset just after the closing fence


def readme_blocks() -> list[Block]:
    text = README.read_text(encoding="utf-8")
    return [Block(m.group("lang"), m.group("body"), text.count("\n", 0, m.start()) + 1, m.end())
            for m in _FENCE.finditer(text)]


def _blocks(lang: str) -> list[Block]:
    return [b for b in readme_blocks() if b.lang == lang]


def console_commands() -> list[tuple[str, str, str]]:
    """(id, command, expected output) for every `$ command` of every console block."""
    out = []
    for block in _blocks("console"):
        command, expected, at = None, [], block.line
        for n, line in enumerate(block.body.splitlines(), start=block.line + 1):
            if line.startswith("$ "):
                if command is not None:
                    out.append((f"README.md:{at}", command, "\n".join(expected)))
                command, expected, at = line[2:], [], n
            else:
                assert command is not None, f"README.md:{n}: output before any '$ command' in a console block"
                expected.append(line)
        assert command is not None, f"README.md:{block.line}: a console block without a '$ command'"
        out.append((f"README.md:{at}", command, "\n".join(expected)))
    return out


def _bin_dir() -> pathlib.Path:
    """Where the installed `statlint` script is: beside this interpreter (the project's venv)."""
    here = pathlib.Path(sys.executable).parent
    if not (here / "statlint").exists():
        pytest.skip(f"no installed statlint script beside {sys.executable} (run `make .venv`)")
    return here


def _shell(command: str, cwd: pathlib.Path, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STATLINT")}
    env.update(PATH=f"{_bin_dir()}{os.pathsep}{env.get('PATH', '')}", NO_COLOR="1", LC_ALL="C.UTF-8")
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout)


def _diff(where: str, command: str, expected: str, actual: str) -> str:
    lines = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "README.md (shown)", "real output",
                                 lineterm="")
    return (f"{where}: the output shown for `{command}` is not what it prints; update the README block "
            f"(- README, + real):\n" + "\n".join(lines))


def test_readme_has_console_examples():
    assert len(console_commands()) >= 4


@pytest.mark.parametrize("where,command,expected", console_commands(), ids=[c[0] for c in console_commands()])
def test_console_block_shows_the_real_output(where, command, expected):
    actual = _shell(command, README.parent).stdout.rstrip("\n")
    assert actual == expected, _diff(where, command, expected, actual)


def _makefile_recipe(target: str) -> list[str]:
    makefile = (README.parent / "Makefile").read_text(encoding="utf-8")
    m = re.search(rf"^{re.escape(target)}:[^\n]*\n((?:\t[^\n]*\n)+)", makefile, re.M)
    assert m, f"the README runs `make {target}`, which the Makefile does not define"
    return [line[1:] for line in m.group(1).splitlines()]


def _sh_lines() -> list[tuple[int, str]]:
    out = []
    for block in _blocks("sh"):
        for n, line in enumerate(block.body.splitlines(), start=block.line + 1):
            command = re.split(r"\s+#\s", line.strip(), maxsplit=1)[0].strip()
            if command and not command.startswith("#"):
                out.append((n, command))
    return out


def test_sh_blocks_run(tmp_path):
    """Each command of the README's sh blocks does what it says, in a repository like the reader's."""
    repo = tmp_path / "repo"
    shutil.copytree(README.parent / "fixtures" / "sample-repo", repo)
    ran = set()
    for n, command in _sh_lines():
        where = f"README.md:{n}: `{command}`"
        words = command.split()
        if words[0] == "statlint":
            result = _shell(command, repo)
            assert result.returncode in (0, 1), f"{where} exited {result.returncode}:\n{result.stdout}"
        elif words[0] == "make" and len(words) == 2 and words[1] in LONG_MAKE_TARGETS:
            _makefile_recipe(words[1])  # too long to run inside the tests; it must exist
        elif words[0] == "make" and len(words) == 2:
            venv_bin = str(_bin_dir()) + "/"
            for step in _makefile_recipe(words[1]):
                step = step.replace("$(VENV)/bin/", venv_bin).replace("$$", "$").lstrip("@")
                result = _shell(step, README.parent)
                assert result.returncode == 0, f"{where}: its recipe line `{step}` failed:\n{result.stdout}"
        elif words[:2] in (["pip", "install"], ["pipx", "install"]) and words[-1] == ".":
            # installing the checkout needs the network: check it installs the `statlint` command
            assert re.search(r"^\s*statlint = statlint\.checker\.cli:main$",
                             (README.parent / "setup.cfg").read_text(encoding="utf-8"), re.M), where
        else:
            pytest.fail(f"{where}: tests/test_readme.py does not know how to check this command")
        ran.add(words[0])
    assert {"statlint", "make", "pip", "pipx"} <= ran


def _python_examples() -> list[tuple[Block, str | None]]:
    """Each python block with the output its following `text` block shows (None without one)."""
    blocks = readme_blocks()
    text = README.read_text(encoding="utf-8")
    out = []
    for i, block in enumerate(blocks):
        if block.lang != "python":
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        between = text[block.end:text.find("```", block.end + 1)] if nxt else ""
        shown = nxt.body if nxt and nxt.lang == "text" and not between.strip() else None
        out.append((block, shown))
    return out


def test_python_examples_run_and_print_what_is_shown(tmp_path):
    examples = _python_examples()
    assert examples, "README.md documents the library with no python example"
    for block, shown in examples:
        result = subprocess.run([sys.executable, "-c", block.body], cwd=tmp_path, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, f"README.md:{block.line}: the example fails:\n{result.stderr}"
        if shown is not None:
            assert result.stdout.rstrip("\n") == shown.rstrip("\n"), _diff(
                f"README.md:{block.line}", "python example", shown.rstrip("\n"), result.stdout.rstrip("\n"))


def test_markdown_examples_are_quiet():
    """The suppression example silences what it says; statlint reports nothing in it."""
    from statlint import check_text

    examples = _blocks("markdown")
    assert examples
    for block in examples:
        assert check_text(block.body) == [], f"README.md:{block.line}"


def test_yaml_examples_parse_and_name_refs_that_exist():
    import yaml

    tags = set()  # a tarball or a machine without git has no tags: only placeholders and main then pass
    if shutil.which("git"):
        tags = set(subprocess.run(["git", "tag", "--list"], cwd=README.parent, capture_output=True,
                                  text=True).stdout.split())
    examples = _blocks("yaml")
    assert examples
    for block in examples:
        yaml.safe_load(block.body)
        refs = re.findall(r"^\s*rev:\s*(<[^>\n]*>|\S+)", block.body, re.M)
        refs += re.findall(r"uses:\s*[\w.-]+/statlint@(<[^>\n]*>|\S+)", block.body)
        for ref in refs:
            assert ref in tags or ref == "main" or re.fullmatch(r"<[\w -]+>", ref), (
                f"README.md:{block.line}: ref {ref!r} is neither a tag of this repository ({sorted(tags)}), "
                "main, nor a <placeholder> the text explains")


def update_examples() -> None:
    """Rewrite the output shown in console blocks and after python examples with what they print now."""
    text = README.read_text(encoding="utf-8")

    def console(m: re.Match) -> str:
        if m.group("lang") != "console":
            return m.group(0)
        commands = [line[2:] for line in m.group("body").splitlines() if line.startswith("$ ")]
        body = "".join(f"$ {c}\n{_shell(c, README.parent).stdout.rstrip(chr(10))}\n" for c in commands)
        return f"```console\n{body}```"

    text = _FENCE.sub(console, text)
    for block, shown in _python_examples():
        if shown is None:
            continue
        printed = subprocess.run([sys.executable, "-c", block.body], capture_output=True, text=True,
                                 timeout=120).stdout.rstrip("\n")
        at = text.index("```text\n" + shown, text.index(block.body))
        text = text[:at] + "```text\n" + printed + "\n" + text[at + len("```text\n" + shown):]
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(README.parent))
    update()
    update_examples()
    print(f"updated {README}")
