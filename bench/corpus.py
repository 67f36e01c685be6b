"""Read the shared corpus in place: one generator of JSON records per file.

Why a module of its own: every benchmark and the gate test must agree on
where the corpus lives, which files make up "the news corpus", and the order
records come in (file order, so samples such as "the first 300 Reuters
articles" are reproducible). The data stays in ../shared/corpus/ — its
licences are research-only, so nothing here ever writes it into the repo.

The directory is `<repo>/../shared/corpus`, or `$STATLINT_CORPUS` if set.
"""
from __future__ import annotations

import gzip
import itertools
import json
import os
from pathlib import Path
from typing import Iterator

# Corpora that are news prose, in the order reports list them. Keys are short
# labels used in tables; values are file stems in the corpus directory.
NEWS = {
    "reuters": "reuters21578_shared",
    "bbc": "bbc_news_shared",
    "wmt_en": "wmt_english_news_shared",
    "wmt_refs": "wmt_translated_news_refs_shared",
}
MEASEVAL = "measeval_train_trial"


class CorpusMissing(FileNotFoundError):
    """The shared corpus directory (or one of its files) is not there."""


def corpus_dir() -> Path:
    env = os.environ.get("STATLINT_CORPUS")
    if env:
        return Path(env).expanduser().resolve()
    return Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def available(*stems: str) -> bool:
    """Whether the corpus directory exists and holds the named files (all, if none named)."""
    root = corpus_dir()
    if not root.is_dir():
        return False
    return all((root / f"{s}.jsonl.gz").is_file() for s in stems) if stems else bool(files())


def files() -> list[Path]:
    """Every `*.jsonl.gz` in the corpus directory, sorted by name."""
    return sorted(corpus_dir().glob("*.jsonl.gz"))


def path_of(stem: str) -> Path:
    path = corpus_dir() / f"{stem}.jsonl.gz"
    if not path.is_file():
        raise CorpusMissing(f"corpus file not found: {path} (set STATLINT_CORPUS to its directory)")
    return path


def records(stem: str, limit: int | None = None) -> Iterator[dict]:
    """Records of one file in file order; `stem` is a NEWS label or a file stem."""
    stem = NEWS.get(stem, stem)
    with gzip.open(path_of(stem), "rt", encoding="utf-8") as fh:
        lines = itertools.islice(fh, limit) if limit is not None else fh
        for line in lines:
            if line.strip():
                yield json.loads(line)


def news(labels: tuple[str, ...] = tuple(NEWS), limit: int | None = None) -> Iterator[tuple[str, dict]]:
    """(label, record) for every news record, corpus by corpus, each in file order."""
    for label in labels:
        for rec in records(label, limit):
            yield label, rec


def article(rec: dict) -> str:
    """A record as a reader sees the article: headline, then body.

    Reuters and BBC keep the headline in `title` (corpus README); the body alone
    would hide every headline-against-body slip from the benchmarks. A wire
    headline (all upper case) sits on the line above the body, a web title is
    followed by a blank line. WMT English texts already start with theirs;
    WMT translated segments have none.
    """
    text = rec.get("text") or ""
    title = (rec.get("title") or "").strip()
    if not title or text.startswith(title):
        return text
    return f"{title}\n{text}" if title.isupper() else f"{title}\n\n{text}"
