"""What a cold `statlint check` pays before it reads a word (issue 13: a cold start under 0.3 s).

Every fresh process pays for what importing statlint does, so import does no work a short check may not
need: no pattern is compiled (each `regex` compile runs in Python, 0.3-9 ms; they compile on first use,
checker/lazy_regex.py), and modules only some runs need (config parsers when a config file is found,
git for --diff, tempfile for -o, pint and the ECB rates for a conversion) are imported where they are
used. The time itself is a benchmark (bench/speed.py); these are the structural facts behind it, checked
in a fresh interpreter.
"""
from __future__ import annotations

import json
import subprocess
import sys

NOT_AT_IMPORT = ("tomllib", "configparser", "subprocess", "tempfile", "traceback", "hashlib", "pint", "numpy",
                 "sklearn", "currency_converter")

_PROBE = r"""
import json, sys
import statlint.checker.cli, statlint.rules
from statlint.checker import lazy_regex
before = {"made": len(lazy_regex._MADE), "compiled": sum("_compiled" in p.__dict__ for p in lazy_regex._MADE),
          "imported": sorted(m for m in json.loads(sys.argv[1]) if m in sys.modules)}
from statlint import check_text
check_text("Ridership rose 12% last year to 4.48 million from 4 million. Fares rose 10% to $22 million from $20 million.")
after = {"compiled": sum("_compiled" in p.__dict__ for p in lazy_regex._MADE),
         "imported": sorted(m for m in json.loads(sys.argv[1]) if m in sys.modules)}
print(json.dumps({"before": before, "after": after}))
"""


def _probe() -> dict:
    out = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(NOT_AT_IMPORT)], capture_output=True, text=True,
                         check=True, timeout=120)
    return json.loads(out.stdout)


def test_importing_the_cli_and_every_rule_compiles_no_pattern_and_loads_no_optional_module():
    res = _probe()
    assert res["before"]["made"] > 200  # the lazy patterns exist...
    assert res["before"]["compiled"] == 0  # ...and none was compiled by an import
    assert res["before"]["imported"] == []


def test_a_short_check_compiles_only_the_patterns_it_reaches():
    res = _probe()
    assert 0 < res["after"]["compiled"] < res["before"]["made"] / 2
    assert res["after"]["imported"] == []  # consistent figures: no finding, so not even a fingerprint (hashlib)
