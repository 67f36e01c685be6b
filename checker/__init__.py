"""statlint: flags statistics in news text that cannot all be true."""
from checker.config import Settings
from checker.document import Document
from checker.engine import check_document, check_text, extract, extract_quantities
from checker.model import Facts, Finding, Quantity, Severity, Span

__version__ = "0.1.0"

__all__ = [
    "Document", "Facts", "Finding", "Quantity", "Settings", "Severity", "Span",
    "check_document", "check_text", "extract", "extract_quantities", "__version__",
]
