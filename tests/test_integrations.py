"""The pre-commit hook and the GitHub Action: well-formed, wired to the right commands, documented."""
from __future__ import annotations

import json
import os
import pathlib
import re
import shlex
import subprocess
import sys

import pytest

yaml = pytest.importorskip("yaml")

ROOT = pathlib.Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_yaml_blocks() -> list:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", README, re.S)]


def test_pre_commit_hook():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "statlint" and hook["language"] == "python"
    assert hook["entry"] == "statlint check"
    assert hook["types_or"] == ["markdown", "plain-text"]
    config = next(b for b in readme_yaml_blocks() if isinstance(b, dict) and "repos" in b)
    assert config["repos"][0]["hooks"][0]["id"] == hook["id"]


@pytest.mark.needs_rules
def test_pre_commit_entry_runs_on_file_names(tmp_path):
    """pre-commit appends the staged file names to `entry`; exit 1 must block the commit."""
    bad, good = tmp_path / "a.md", tmp_path / "b.txt"
    bad.write_text("Sales rose 50% to 150 units from 120 units.\n", encoding="utf-8")
    good.write_text("Nothing to see.\n", encoding="utf-8")
    entry = shlex.split(yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))[0]["entry"])
    assert entry[0] == "statlint"
    command = [sys.executable, "-m", "statlint.checker.cli", *entry[1:]]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    assert subprocess.run([*command, str(good)], cwd=tmp_path, env=env, capture_output=True).returncode == 0
    assert subprocess.run([*command, str(good), str(bad)], cwd=tmp_path, env=env,
                          capture_output=True).returncode == 1


def test_action_runs_sarif_and_uploads_it():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == "statlint.sarif"
    check = next(s for s in steps if s.get("id") == "check")
    assert "statlint check --format sarif -o statlint.sarif" in check["run"]
    assert "statlint check --format github " in check["run"]  # the findings in the job log too (issue #12)
    assert steps.index(upload) > steps.index(check) and "always()" in upload["if"]
    assert "exit" in steps[-1]["run"]  # the job fails after the upload, not before it


def test_action_never_pastes_inputs_into_shell():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], f"expression in a shell script: {step.get('name')}"
            assert step["shell"] == "bash"


def test_readme_workflow_uses_the_actions_inputs():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    workflow = next(b for b in readme_yaml_blocks() if isinstance(b, dict) and "jobs" in b)
    assert workflow["permissions"]["security-events"] == "write"
    step = next(s for s in workflow["jobs"]["statlint"]["steps"] if "statlint@" in s.get("uses", ""))
    assert set(step["with"]) <= set(action["inputs"])


def run_action_script(tmp_path, paths: str, args: str = "--no-config", upload: str = "true"):
    """The action's check step, run by bash as the runner would, with `statlint` on PATH."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    check = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    wrapper = bin_dir / "statlint"
    wrapper.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m statlint.checker.cli "$@"\n')
    wrapper.chmod(0o755)
    output = tmp_path / "github_output"
    output.write_text("")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "GITHUB_OUTPUT": str(output),
           "STATLINT_PATHS": paths, "STATLINT_ARGS": args, "STATLINT_UPLOAD_SARIF": upload}
    for name, value in check.get("env", {}).items():  # every input reaches the script through these
        assert name in env and value.startswith("${{ inputs."), name
    proc = subprocess.run(["bash", "-e", "-c", check["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    return proc, output.read_text()


@pytest.mark.needs_rules
def test_action_prints_annotations_in_the_log_and_writes_sarif(tmp_path):
    (tmp_path / "a.md").write_text("Sales rose 50% to 150 units from 120 units.\n", encoding="utf-8")
    proc, outputs = run_action_script(tmp_path, "a.md")
    assert proc.returncode == 0 and outputs == "exit-code=1\n"  # the step passes; a later one fails the job
    annotations = [ln for ln in proc.stdout.splitlines() if ln.startswith("::error ")]
    assert len(annotations) == 1 and annotations[0].startswith("::error file=a.md,line=1,col=")
    assert "title=G101 growth-rate-mismatch::" in annotations[0]
    sarif = json.loads((tmp_path / "statlint.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["G101"]


def test_action_without_sarif_runs_once_and_never_runs_its_inputs(tmp_path):
    (tmp_path / "a.md").write_text("Nothing to see.\n", encoding="utf-8")
    proc, outputs = run_action_script(tmp_path, "a.md; touch pwned $(touch pwned2) *", upload="false")
    assert outputs == "exit-code=2\n"  # the odd words are paths that do not exist: exit 2, never a shell command
    assert not (tmp_path / "pwned").exists() and not (tmp_path / "pwned2").exists()
    assert "::error file=a.md;,title=statlint IO001 unreadable::" in proc.stdout  # split on spaces only
    assert "::error file=*,title=statlint IO001 unreadable::" in proc.stdout  # and `*` was not globbed
    assert not (tmp_path / "statlint.sarif").exists()
