"""Processing notices: what statlint could not do with an input, each with a stable code.

A finding says something about the text; a notice says something about the
run: the file was missing, bytes were not UTF-8, the check ran out of time.
An editor who sees no finding must be able to trust that the text was read,
so every notice reaches every output format, and a *fatal* notice (the input
was not fully analysed) makes the exit code 2 whatever the findings and
whatever `--exit-zero` says (README, "Exit codes and notices").

| code    | name           | fatal | when |
| ------- | -------------- | ----- | ---- |
| IO001   | unreadable     | yes   | missing path, not a regular file, no permission, no stdin, unreadable directory |
| IO002   | lossy-decode   | no    | bytes that are not valid UTF-8/UTF-16 were replaced by U+FFFD; the rest was checked |
| IO003   | binary-skipped | named: yes; walked: no | a binary format's signature (zip/docx, PDF, gzip, images...) or NUL bytes in the first 8 KB |
| IO004   | too-large      | named: yes; walked: no | over the size limit (50 MB) |
| IO006   | not-plain-text | no    | a .txt/.md holding HTML (read as HTML); XML, RTF or WARC read as plain text; no article in a page |
| TIME001 | budget-exceeded| yes   | the document's check used more CPU time than its budget |
| INT001  | internal-error | yes   | an exception inside statlint (a bug: please report it) |

A binary or oversized file met while walking a directory is skipped with a
notice, as ripgrep and grep skip binaries; named on the command line, it was
asked for and not checked, so it is fatal.
"""
from __future__ import annotations

from dataclasses import dataclass

NAMES = {
    "IO001": "unreadable", "IO002": "lossy-decode", "IO003": "binary-skipped", "IO004": "too-large",
    "IO006": "not-plain-text",
    "TIME001": "budget-exceeded", "INT001": "internal-error",
}

# Notices that mean the input was skipped, not read at all: when non-fatal (met in a walk) the file
# counts as skipped in the summary, neither checked nor failed.
SKIPPED = ("IO003", "IO004")  # binary, too large


@dataclass(frozen=True, slots=True)
class Notice:
    """One problem with one input. `offset` is a byte offset into the input where one is known."""

    code: str
    message: str
    fatal: bool = True
    offset: int | None = None

    def __post_init__(self) -> None:
        if self.code not in NAMES:
            raise ValueError(f"unknown notice code {self.code!r}")

    @property
    def name(self) -> str:
        return NAMES[self.code]

    def as_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "message": self.message, "fatal": self.fatal,
                "offset": self.offset}


def fatal_message(notices) -> str | None:
    """The first fatal notice's message (why the input was not fully analysed), or None."""
    return next((n.message for n in notices if n.fatal), None)


def unreadable(message: str) -> Notice:
    return Notice("IO001", message)


def internal_error(exc: BaseException) -> Notice:
    detail = str(exc)
    if len(detail) > 200:
        detail = detail[:200] + "…"
    text = f"internal error: {type(exc).__name__}: {detail}" if detail else f"internal error: {type(exc).__name__}"
    return Notice("INT001", text)


def budget_exceeded(seconds: float) -> Notice:
    return Notice("TIME001", f"not fully checked: the check used more than its budget of {seconds:g} s of CPU time "
                             "(raise it with --time-budget)")
