"""Settings from setup.cfg / pyproject.toml / flags, and clear errors for bad config."""
from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

from statlint.checker.cli import main
from statlint.checker.config import ConfigError, Settings, load_settings
from statlint.checker.model import Severity


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_defaults_without_config(tmp_path):
    assert load_settings(tmp_path, no_config=True) == Settings()


def test_setup_cfg_section(tmp_path):
    write(tmp_path / "setup.cfg", """
        [metadata]
        name = x
        [statlint]
        select =
            G1,
            Q101 U
        ignore = growth-direction-contradiction
        min-severity = warning
        min_confidence = 0.25
        fail-on = ERROR
        quotes = drop
    """)
    assert load_settings(tmp_path) == Settings(
        select=("G1", "Q101", "U"), ignore=("growth-direction-contradiction",),
        min_severity=Severity.WARNING, min_confidence=0.25, fail_on=Severity.ERROR, quotes="drop",
    )


def test_pyproject_table_and_upward_discovery(tmp_path):
    write(tmp_path / "pyproject.toml", """
        [tool.statlint]
        select = ["G", "P1"]
        min-severity = "error"
        min-confidence = 1
    """)
    deep = tmp_path / "articles" / "2024"
    deep.mkdir(parents=True)
    settings = load_settings(deep)
    assert settings.select == ("G", "P1") and settings.min_severity is Severity.ERROR
    assert settings.min_confidence == 1.0


def test_first_directory_with_a_section_wins(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.statlint]\nignore = ['Q']\n")
    write(tmp_path / "sub" / "setup.cfg", "[metadata]\nname = unrelated\n")  # no section: keep looking
    write(tmp_path / "sub" / "pyproject.toml", "[tool.black]\nline-length = 99\n")
    assert load_settings(tmp_path / "sub").ignore == ("Q",)
    write(tmp_path / "sub" / "setup.cfg", "[statlint]\nignore = C\n")
    assert load_settings(tmp_path / "sub").ignore == ("C",)


def test_explicit_config_file_and_no_config(tmp_path):
    write(tmp_path / "setup.cfg", "[statlint]\nquotes = drop\n")
    other = write(tmp_path / "ci" / "strict.cfg", "[statlint]\nfail-on = warning\n")
    assert load_settings(tmp_path, config_file=str(other)) == Settings(fail_on=Severity.WARNING)
    assert load_settings(tmp_path, no_config=True) == Settings()
    toml = write(tmp_path / "ci" / "x.toml", "[tool.statlint]\nquotes = 'drop'\n")
    assert load_settings(tmp_path, config_file=str(toml)).quotes == "drop"


def test_overrides_beat_the_file_and_none_means_unset(tmp_path):
    write(tmp_path / "setup.cfg", "[statlint]\nselect = G\nmin-severity = error\n")
    settings = load_settings(tmp_path, overrides={"select": "Q1,U", "min-severity": None, "fail_on": "warning"})
    assert settings.select == ("Q1", "U")
    assert settings.min_severity is Severity.ERROR and settings.fail_on is Severity.WARNING


@pytest.mark.parametrize("body, key", [
    ("[statlint]\nselet = G\n", "selet"),
    ("[statlint]\nmin-severity = loud\n", "min-severity"),
    ("[statlint]\nmin-confidence = 2\n", "min-confidence"),
    ("[statlint]\nmin-confidence = nan\n", "min-confidence"),
    ("[statlint]\nmin-confidence = high\n", "min-confidence"),
    ("[statlint]\nquotes = maybe\n", "quotes"),
    ("[statlint]\nselect = G$1\n", "select"),
    ("[statlint]\nfail-on = \n", "fail-on"),
])
def test_bad_setup_cfg_names_file_and_key(tmp_path, body, key):
    write(tmp_path / "setup.cfg", body)
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    message = str(info.value)
    assert "setup.cfg" in message and repr(key) in message


@pytest.mark.parametrize("body, needle", [
    ("[tool.statlint]\nselect = 5\n", "'select'"),
    ("[tool.statlint]\nmin-confidence = true\n", "'min-confidence'"),
    ("[tool.statlint]\nfail-on = 3\n", "'fail-on'"),
    ("[tool]\nstatlint = 3\n", "must be a table"),
    ("[tool.statlint\n", "cannot read config"),
])
def test_bad_pyproject(tmp_path, body, needle):
    write(tmp_path / "pyproject.toml", body)
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    assert "pyproject.toml" in str(info.value) and needle in str(info.value)


def test_explicit_file_must_exist_and_have_a_section(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path, config_file=str(tmp_path / "nope.cfg"))
    empty = write(tmp_path / "empty.cfg", "[other]\nx = 1\n")
    with pytest.raises(ConfigError, match=r"no \[statlint\] section"):
        load_settings(tmp_path, config_file=str(empty))


def test_bad_override_names_the_command_line(tmp_path):
    with pytest.raises(ConfigError, match="command line: min-severity"):
        load_settings(tmp_path, no_config=True, overrides={"min-severity": "loud"})


def _run(args, cwd, monkeypatch):
    monkeypatch.chdir(cwd)
    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:
        runner = CliRunner()
    return runner.invoke(main, args)


def test_cli_config_error_exits_2_with_message(tmp_path, monkeypatch):
    write(tmp_path / "setup.cfg", "[statlint]\nfail_on = never\n")
    write(tmp_path / "a.txt", "calm")
    result = _run(["check", "a.txt"], tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert "setup.cfg" in result.stderr and "fail_on" in result.stderr
    assert "Traceback" not in result.output
    assert _run(["check", "--no-config", "a.txt"], tmp_path, monkeypatch).exit_code == 0


def test_cli_reads_discovered_and_explicit_config(tmp_path, monkeypatch):
    from statlint import rules
    from fake_rules import FAKE_CHECKS

    monkeypatch.setattr(rules, "CHECKS", FAKE_CHECKS)
    monkeypatch.setattr(rules, "EXTRACTORS", ())
    write(tmp_path / "a.txt", "FIRE")
    assert _run(["check", "a.txt"], tmp_path, monkeypatch).exit_code == 1
    write(tmp_path / "setup.cfg", "[statlint]\nignore = X901\n")
    assert _run(["check", "a.txt"], tmp_path, monkeypatch).exit_code == 0
    assert _run(["check", "--select", "X901", "a.txt"], tmp_path, monkeypatch).exit_code == 0  # still ignored
    assert _run(["check", "--ignore", "", "a.txt"], tmp_path, monkeypatch).exit_code == 1  # flag replaces file
    strict = write(tmp_path / "strict.toml", "[tool.statlint]\nselect = ['fake-fire']\n")
    assert _run(["check", "--config", str(strict), "a.txt"], tmp_path, monkeypatch).exit_code == 1
    assert _run(["check", "--config", "missing.cfg", "a.txt"], tmp_path, monkeypatch).exit_code == 2


# --- .statlint.toml, per-file-ignores, extend-exclude, positions in errors ---------

def test_statlint_toml_wins_in_its_folder(tmp_path):
    write(tmp_path / "setup.cfg", "[statlint]\nignore = C\n")
    write(tmp_path / ".statlint.toml", 'ignore = ["Q"]\nfail-on = "warning"\n')
    settings = load_settings(tmp_path)
    assert settings.ignore == ("Q",) and settings.fail_on is Severity.WARNING
    assert settings.root == str(tmp_path)


def test_per_file_ignores_and_extend_exclude(tmp_path):
    write(tmp_path / "setup.cfg", """
        [statlint]
        per-file-ignores =
            wire/*.txt: Q101, G103
            *.md: percent-vs-points
        extend-exclude = drafts, *.draft.txt
    """)
    settings = load_settings(tmp_path)
    assert settings.per_file_ignores == (("wire/*.txt", ("Q101", "G103")), ("*.md", ("percent-vs-points",)))
    assert settings.for_path(str(tmp_path / "wire" / "a.txt")).ignore == ("Q101", "G103")
    assert settings.for_path(str(tmp_path / "b" / "x.md")).ignore == ("percent-vs-points",)
    assert settings.for_path(str(tmp_path / "a.txt")) is settings
    assert settings.excludes(str(tmp_path / "drafts" / "x.txt"))
    assert settings.excludes(str(tmp_path / "news" / "y.draft.txt"))
    assert not settings.excludes(str(tmp_path / "news" / "drafts.txt"))


def test_toml_per_file_ignores(tmp_path):
    write(tmp_path / "pyproject.toml", """
        [tool.statlint]
        extend-exclude = ["archive/"]
        [tool.statlint.per-file-ignores]
        "wire/**" = ["Q"]
    """)
    settings = load_settings(tmp_path)
    assert settings.per_file_ignores == (("wire/**", ("Q",)),) and settings.extend_exclude == ("archive/",)
    assert settings.excludes(str(tmp_path / "archive" / "2019" / "a.txt"))


@pytest.mark.parametrize("name, body, expected", [
    ("setup.cfg", "[metadata]\nname = x\n\n[statlint]\nselect = G\nfail-on = never\n",
     "setup.cfg:6: key 'fail-on': unknown severity 'never'"),
    ("setup.cfg", "[statlint]\n\nper-file-ignores =\n    wire/*.txt Q101\n",
     "setup.cfg:3: key 'per-file-ignores': expected lines of 'glob: codes', got 'wire/*.txt Q101'"),
    ("pyproject.toml", "[tool.other]\nx = 1\n[tool.statlint]\nquotes = 'maybe'\n",
     "pyproject.toml:4: key 'quotes': expected keep or drop, got 'maybe'"),
    ("pyproject.toml", "[tool.statlint]\nselect = ['G']\n[tool.statlint.per-file-ignores]\n'a.txt' = 5\n",
     "pyproject.toml:3: key 'per-file-ignores': expected a comma-separated string or a list of strings, got 5"),
    (".statlint.toml", "select = ['G']\n\nfail_on = 'x'\n", ".statlint.toml:3: key 'fail_on': unknown severity 'x'"),
    (".statlint.toml", "selekt = ['G']\n", ".statlint.toml:1: key 'selekt': unknown key"),
])
def test_errors_name_file_line_and_key(tmp_path, name, body, expected):
    write(tmp_path / name, body)
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    assert str(info.value).startswith(str(tmp_path / expected.split(":")[0]) + ":" + expected.split(":", 1)[1])


def test_cli_finds_config_from_each_files_folder(tmp_path, monkeypatch):
    from statlint import rules
    from fake_rules import FAKE_CHECKS

    monkeypatch.setattr(rules, "CHECKS", FAKE_CHECKS)
    monkeypatch.setattr(rules, "EXTRACTORS", ())
    write(tmp_path / "setup.cfg", "[statlint]\nfail-on = error\n")
    write(tmp_path / "wire" / ".statlint.toml", "ignore = ['X901']\nextend-exclude = ['old']\n")
    write(tmp_path / "wire" / "a.txt", "FIRE")
    write(tmp_path / "wire" / "old" / "b.txt", "FIRE")
    write(tmp_path / "desk" / "c.txt", "WARN")
    result = _run(["check", "wire", "desk"], tmp_path, monkeypatch)
    assert result.exit_code == 0  # wire: X901 ignored, old/ excluded; desk: warning below fail-on
    assert result.stdout.splitlines() == [
        "desk/c.txt:1:1: X902 fake warning [fake-warn]", "    WARN", "    ^^^^", "Found 1 finding (1 warning) in 2 files."]
    assert _run(["check", "--no-config", "wire"], tmp_path, monkeypatch).exit_code == 1
    assert _run(["check", "--fail-on", "warning", "desk"], tmp_path, monkeypatch).exit_code == 1
    bad = write(tmp_path / "bad" / ".statlint.toml", "quotes = 1\n")
    write(bad.parent / "d.txt", "calm")
    result = _run(["check", "desk", "bad"], tmp_path, monkeypatch)
    assert result.exit_code == 2  # the report streams: desk's findings may be out before bad/ is reached
    assert result.stderr == f"statlint: {bad}:1: key 'quotes': expected keep or drop, got 1\n"


# --- unknown rules are errors, everywhere (issue #12: a typo must not turn CI green) -----------------

@pytest.mark.parametrize("name, body, expected", [
    ("setup.cfg", "[statlint]\nselect = G1O1\n",
     "setup.cfg:2: key 'select': unknown rule 'G1O1'; did you mean G101 (growth-rate-mismatch)?"),
    ("setup.cfg", "[statlint]\nignore = G101\nper-file-ignores =\n    wire/*.txt: Q101, growth-rate-mismach\n",
     "setup.cfg:3: key 'per-file-ignores': unknown rule 'growth-rate-mismach'; "
     "did you mean growth-rate-mismatch (G101)?"),
    ("pyproject.toml", "[tool.statlint]\nignore = ['P2']\n",
     "pyproject.toml:2: key 'ignore': unknown rule 'P2'; did you mean P1?"),
    ("pyproject.toml", "[tool.statlint]\n[tool.statlint.per-file-ignores]\n'a.txt' = ['NOPE']\n",
     "pyproject.toml:2: key 'per-file-ignores': unknown rule 'NOPE'; the nearest is "),
    (".statlint.toml", "select = ['G', 'X1OO']\n", ".statlint.toml:1: key 'select': unknown rule 'X1OO'; "
     "did you mean X100 (unused-suppression)?"),
])
def test_unknown_rule_in_a_config_file_names_the_nearest(tmp_path, name, body, expected):
    write(tmp_path / name, body)
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    assert str(info.value).startswith(f"{tmp_path / name}:{expected.split(':', 1)[1]}")
    assert str(info.value).endswith("(`statlint rules` lists the codes and names)")


@pytest.mark.parametrize("selectors", ["G", "g1", "G101", "X", "X100", "x10", "unused-suppression",
                                       "Growth-Rate-Mismatch", "C, P1 , S101"])
def test_every_real_prefix_and_name_is_accepted(tmp_path, selectors):
    write(tmp_path / "setup.cfg", f"[statlint]\nselect = {selectors}\nper-file-ignores =\n    a.txt: {selectors}\n")
    assert load_settings(tmp_path).select == tuple(s.strip() for s in selectors.split(","))


# --- Settings in the library takes what the command line takes ---------------------------------------

def test_settings_accepts_the_command_line_spellings():
    assert Settings(min_severity="error", fail_on="Warning") == Settings(min_severity=Severity.ERROR,
                                                                         fail_on=Severity.WARNING)
    assert Settings(select="P102").select == ("P102",)
    assert Settings(select="P102, growth-rate-mismatch G1").select == ("P102", "growth-rate-mismatch", "G1")
    assert Settings(ignore=["G1", "Q101,Q102"]).ignore == ("G1", "Q101", "Q102")
    assert Settings(select={"P102", "G101"}).select == ("G101", "P102")
    assert Settings(min_confidence="0.5").min_confidence == 0.5
    assert Settings(quotes=" DROP ").quotes == "drop"
    assert Settings(extend_exclude="drafts, *.draft.md").extend_exclude == ("drafts", "*.draft.md")
    assert Settings(per_file_ignores={"wire/*": "Q1, P"}).per_file_ignores == (("wire/*", ("Q1", "P")),)
    normal = Settings(select="G", per_file_ignores=[("a.txt", ["G101"])])
    assert normal == Settings(select=("G",), per_file_ignores=(("a.txt", ("G101",)),))
    assert Settings(**{f: getattr(normal, f) for f in normal.__slots__}) == normal  # already normal: unchanged


@pytest.mark.parametrize("kwargs, message", [
    ({"select": "P1O2"}, "Settings(select='P1O2'): unknown rule 'P1O2'; did you mean P102 (share-above-100)?"),
    ({"ignore": ["G101", "NOPE"]}, "Settings(ignore=['G101', 'NOPE']): unknown rule 'NOPE'; the nearest is "),
    ({"min_severity": "loud"}, "Settings(min_severity='loud'): unknown severity 'loud': use info, warning or error"),
    ({"fail_on": 3}, "Settings(fail_on=3): expected info, warning or error, got 3"),
    ({"min_confidence": 2}, "Settings(min_confidence=2): expected a number between 0 and 1, got 2"),
    ({"quotes": "maybe"}, "Settings(quotes='maybe'): expected keep or drop, got 'maybe'"),
    ({"select": 5}, "Settings(select=5): expected a comma-separated string or a list of strings, got 5"),
    ({"per_file_ignores": {"a.txt": "G$"}}, "Settings(per_file_ignores={'a.txt': 'G$'}): 'G$' is neither"),
])
def test_settings_rejects_what_it_cannot_use_with_a_value_error(kwargs, message):
    with pytest.raises(ValueError) as info:
        Settings(**kwargs)
    assert str(info.value).startswith(message)


@pytest.mark.needs_rules
def test_settings_select_string_selects_that_rule():
    from statlint import check_text

    text = "The fund holds a 120% stake in the bank. Sales rose 50% to 150 units from 120 units."
    assert {f.rule for f in check_text(text)} >= {"P102", "G101"}
    assert [f.rule for f in check_text(text, Settings(select="P102"))] == ["P102"]
    assert [f.rule for f in check_text(text, Settings(select="P102", min_severity="error"))] == ["P102"]
