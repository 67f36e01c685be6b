"""Markdown reader: the prose of a Markdown file, with an OffsetMap back into it.

What is not prose is left out, because its numbers are not claims of the
article: front matter (YAML `---` or TOML `+++`), fenced and indented code,
code spans, link targets and titles, images, reference definitions, footnote
labels, HTML comments and tags, and the markup itself (heading hashes, list
and quote markers, emphasis, table pipes, backslash escapes). Link text is
kept. Entities are decoded. Headings, list items and table rows become
paragraphs of their own, as they would be in a plain-text article.

The statlint suppression comments (`<!-- statlint: disable ... -->`,
checker/suppress.py) are the one kind of comment that is kept, verbatim, so a
directive still silences the paragraph below it.

Why an own scanner and not markdown-it-py: a parser gives block line ranges
but no offsets inside a line, and a finding must quote the right characters
of the file. The scanner marks what to leave out in a byte mask over the
source (one byte per character), then copies the kept stretches; every step
is a bounded regex or a C-level search, so the work is linear in the input
and nesting depth costs nothing (`[[[[...` or `> > > ...` ten thousand deep is
no slower than prose). It follows CommonMark where the difference changes
which characters are prose, and is simpler elsewhere.
"""
from __future__ import annotations

from statlint.checker.sources.markdown_blocks import BlockScan
from statlint.checker.sources.markdown_inline import InlineScan
from statlint.checker.sources.offsets import Builder, OffsetMap


def markdown_text(source: str) -> tuple[str, OffsetMap]:
    """The prose of a Markdown document and the map from its offsets back into `source`."""
    scan = _Scan(source)
    scan.blocks()
    scan.inline()
    return scan.build()


class _Scan(BlockScan, InlineScan):
    """One document's mask (1: not prose), substitutions (decoded entities, table pipes) and added breaks,
    marked by the line pass (BlockScan) then the inline pass (InlineScan)."""

    def __init__(self, source: str) -> None:
        self.s = source
        self.mask = bytearray(len(source))
        self.subs: list[tuple[int, int, str]] = []
        self.breaks: list[int] = []
        self.labels: set[str] = set()

    def drop(self, start: int, end: int) -> None:
        if end > start:
            self.mask[start:end] = b"\x01" * (end - start)

    def dropped(self, offset: int) -> bool:
        return offset < len(self.mask) and self.mask[offset] == 1

    def substitute(self, start: int, end: int, text: str) -> None:
        self.drop(start, end)
        self.subs.append((start, end, text))

    def build(self) -> tuple[str, OffsetMap]:
        s, mask = self.s, self.mask
        builder = Builder(len(s))
        events = sorted([(a, b, t) for a, b, t in self.subs] + [(p, p, "\n") for p in self.breaks])
        at = 0
        for start, end, text in events:
            if start < at:
                continue
            _copy_kept(builder, s, mask, at, start)
            if text != "\n" or not (builder.length == 0 or builder.ends_with("\n\n")):
                builder.emit(text, start, end)
            at = end
        _copy_kept(builder, s, mask, at, len(s))
        return builder.result()


def _copy_kept(builder: Builder, s: str, mask: bytearray, start: int, end: int) -> None:
    while start < end:
        kept = mask.find(b"\x00", start, end)
        if kept < 0:
            return
        stop = mask.find(b"\x01", kept, end)
        stop = end if stop < 0 else stop
        builder.copy(s, kept, stop)
        start = stop
