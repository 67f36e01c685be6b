"""statlint installs under one import name (issue #12, "the library").

`checker/` and `rules/` are the repository's folders, but installed they are
`statlint.checker` and `statlint.rules`: a generic top-level `rules` package
(django-rules has that name) must neither be overwritten by statlint nor be
imported by it.
"""
from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [p for folder in ("checker", "rules", "bench", "fuzz", "tests") for p in (ROOT / folder).rglob("*.py")]


def test_public_api_is_at_the_top():
    import statlint
    from statlint import Finding, Settings, check_text

    assert statlint.__version__
    assert isinstance(check_text("Sales fell 25% to 150 units from 120 units.", Settings())[0], Finding)


def test_no_source_imports_the_bare_folder_names():
    offenders = []
    for path in SOURCES + [ROOT / "__init__.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            offenders += [f"{path.relative_to(ROOT)}:{node.lineno} {n}" for n in names
                          if n.split(".")[0] in ("checker", "rules")]
    assert offenders == []


def test_a_foreign_top_level_rules_package_does_not_reach_statlint(tmp_path):
    """A package called `rules` that fails on import, first on the path: statlint still works."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "__init__.py").write_text("raise ImportError('this is django-rules, not statlint')\n")
    (tmp_path / "checker").mkdir()
    (tmp_path / "checker" / "__init__.py").write_text("raise ImportError('someone else's checker')\n")
    (tmp_path / "a.txt").write_text("Sales fell 25% to 150 units from 120 units.\n", encoding="utf-8")
    code = ("import sys; sys.path.insert(0, sys.argv[1]); "
            "from statlint.checker.cli import main; sys.argv = ['statlint', 'check', '--no-config', sys.argv[2]]; main()")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path), str(tmp_path / "a.txt")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "G102" in proc.stdout


def test_the_wheel_holds_one_top_level_package(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                           "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("statlint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names}
    assert top == {"statlint", next(t for t in top if t.endswith(".dist-info"))}
    assert "statlint/__init__.py" in names and "statlint/rules/__init__.py" in names
    assert "statlint/checker/report/json_report.py" in names and "statlint/checker/sources/sniff.py" in names
    # nothing of the repository's other folders rides along
    assert not [n for n in names if n.split("/")[1] in ("tests", "fixtures", "bench", "fuzz", "README.md", "setup.cfg")]
    entry = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "statlint = statlint.checker.cli:main" in entry
