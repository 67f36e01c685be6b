"""Rule documentation as the CLI and the SARIF report show it.

Each rule's docstring is its documentation (DESIGN.md "Rules"); this module
finds it and cuts the one-line summary, so `statlint rules`, `statlint rule`
and SARIF's rule help all say the same thing.
"""
from __future__ import annotations

import inspect
import sys


def rule_doc(rule) -> str:
    """The rule's docstring: Rule.doc, else its function's, else its module's."""
    doc = rule.doc or inspect.getdoc(rule.func) or ""
    if not doc:
        module = sys.modules.get(getattr(rule.func, "__module__", ""), None)
        doc = (module.__doc__ or "") if module else ""
    return inspect.cleandoc(doc) if doc else ""


def summary(doc: str, code: str = "", name: str = "") -> str:
    """First line of a docstring, without a leading "CODE name:" the table already shows.

    Under a leading `What it does` heading, the first line of that section.
    """
    lines = [ln.strip().lstrip("#").strip() for ln in doc.splitlines()]
    lines = [ln for ln in lines if ln and set(ln) - set("-=~")]  # drop blanks and heading underlines
    if not lines:
        return ""
    first = lines[1] if lines[0].rstrip(":").lower() == "what it does" and len(lines) > 1 else lines[0]
    for prefix in (code, name):
        if prefix and first.startswith(prefix):
            rest = first[len(prefix):]
            if rest[:1] in (" ", ":", ""):
                first = rest.lstrip(" :")
    return first


def claims_read(rule) -> str:
    """The claims a check reads, as its documentation names them: "Growth (growths), Series (series)".

    From `Rule.reads` (Facts field names), each with the claim type its Facts field holds, so the
    rules table and `statlint rule` say what a check looks at without reading its code.
    """
    from statlint.checker.model import Facts

    kinds = Facts.__annotations__
    return ", ".join(f"{_claim_type(kinds.get(name, ''))} ({name})" for name in rule.reads)


def _claim_type(annotation) -> str:
    """"tuple[Growth, ...]" -> "Growth" (Facts annotations are strings under postponed evaluation)."""
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", str(annotation))
    inner = text.split("[", 1)[1] if "[" in text else text
    return inner.split(",", 1)[0].strip(" ]") or "?"
