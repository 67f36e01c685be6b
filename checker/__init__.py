"""statlint's engine: documents, the number model, checking, configuration, reports.

Installed as `statlint.checker`; the public API is re-exported by `statlint`
(the repository's top-level `__init__.py`). The version lives here, with no
imports, so every module can read it without an import cycle.
"""

__version__ = "0.1.0"
