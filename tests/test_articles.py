"""Whole articles against their exact expected findings (fixtures/articles/*.expected)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from statlint import check_text

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def _as_records(text: str) -> list[dict]:
    return [
        {"rule": f.rule, "start": f.span.start, "end": f.span.end, "text": text[f.span.start:f.span.end],
         "message": f.message, "suggestion": f.suggestion}
        for f in check_text(text)
    ]


@pytest.mark.parametrize("article", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_article_findings_are_exactly_as_expected(article):
    expected = json.loads(article.with_suffix(".expected").read_text(encoding="utf-8"))
    assert _as_records(article.read_text(encoding="utf-8")) == expected


def test_canonical_garble_is_read_as_5_22_million_and_the_rate_repaired():
    text = (ARTICLES / "kunpeng.txt").read_text(encoding="utf-8")
    findings = {f.rule: f for f in check_text(text)}
    # Q103's "2023 10,000" would contradict Q102's repair of the same text: the engine keeps Q102's
    assert set(findings) == {"Q102", "G101"}
    assert findings["Q102"].suggestion == "5.22 million units in 2023"
    assert findings["G101"].suggestion == "57.4%"
    assert [r.text for r in findings["G101"].related] == ["3 million", "522 in 202310,000 units"]
    corrected = (ARTICLES / "kunpeng_corrected.txt").read_text(encoding="utf-8")
    assert check_text(corrected) == []
