"""statlint: flags statistics in news text that cannot all be true.

This file is the `statlint` package itself: setup.cfg maps the package
`statlint` onto the repository's top level through `package_dir`, so the
folders `checker/` and `rules/` install as `statlint.checker` and
`statlint.rules` and nothing else reaches the top level of site-packages.

    from statlint import check_text, Settings, Finding
"""
from statlint.checker import __version__
from statlint.checker.config import Settings
from statlint.checker.document import Document
from statlint.checker.engine import check_document, check_text, extract, extract_quantities
from statlint.checker.model import Facts, Finding, Quantity, Severity, Span

__all__ = [
    "Document", "Facts", "Finding", "Quantity", "Settings", "Severity", "Span",
    "check_document", "check_text", "extract", "extract_quantities", "__version__",
]
