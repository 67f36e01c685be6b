"""How often do linked figures agree with their stated rate under the precision model?

Why: the precision model (README, "Precision model"; checker.numbers) decides
what range a written figure allows. Too wide and real slips pass ("rose 50 %
to 105,000 from 100,000"); too narrow and correct copy is flagged. Professionally
edited news is almost always right, so the share of growth claims whose old
figure, new figure and stated percent rate fit together under the model is a
direct measure of the model on text we did not write: it should stay near
100 %, and every claim that does not fit is listed for a person to read
(a real slip, or a sign the model is too narrow).

A claim counts when the claims extractor links all three (old, new, a percent
rate), the direction is known and the two figures are comparable, as G101
requires. Alongside, the median relative width of the linked figures'
intervals shows how much each model allows.

    python bench/precision.py [--limit N] [--json PATH]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus


def measure(limit: int | None = None) -> dict:
    from statlint.checker.arithmetic import factor_from_rate, interval
    from statlint.checker.document import Document
    from statlint.checker.engine import extract
    from statlint.rules._growth import rate_claim_ratio

    claims = fits = 0
    widths: list[float] = []
    round_widths: list[float] = []  # the linked figures written as whole numbers ending in zeros: "100,000"
    misfits: list[dict] = []
    for label, rec in corpus.news(("reuters", "bbc"), limit):
        text = corpus.article(rec)
        facts = extract(Document(text))
        for g in facts.growths:
            r = rate_claim_ratio(g)  # the claims G101 checks (before its annual-rate and jump exceptions)
            if r is None:
                continue
            claims += 1
            for q, iv in zip((g.old, g.new), _linked(g)):
                if q.value > 0 and q.high != float("inf") and q.bound == "=":
                    widths.append((iv.high - iv.low) / q.value)
                    if _is_round(q):
                        round_widths.append((iv.high - iv.low) / q.value)
            rate = interval(g.rate)
            if factor_from_rate(rate, g.direction).intersects(r):
                fits += 1
            else:
                start = min(g.rate.span.start, g.old.span.start, g.new.span.start)
                end = max(g.rate.span.end, g.old.span.end, g.new.span.end)
                misfits.append({"id": rec["id"], "rate": g.rate.text, "old": g.old.text, "new": g.new.text,
                                "text": " ".join(text[max(0, start - 60):end + 20].split())})
    return {"claims": claims, "fit": fits, "fit_share": round(100 * fits / claims, 2) if claims else None,
            "median_relative_width": round(statistics.median(widths), 5) if widths else None,
            "round_figures": len(round_widths),
            "median_relative_width_round": round(statistics.median(round_widths), 5) if round_widths else None,
            "misfits": misfits}


def _linked(g):
    """The old and new figures' intervals as the checks compare them."""
    from statlint.checker import arithmetic

    linked = getattr(arithmetic, "linked_intervals", None)  # (absent before the precision model)
    return linked(g.old, g.new) if linked else (arithmetic.interval(g.old), arithmetic.interval(g.new))


def _is_round(q) -> bool:
    digits = "".join(ch for ch in q.text if ch.isdigit())
    return q.value >= 1000 and not q.decimals and digits.endswith("0") and int(digits) == q.value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N records of each corpus")
    ap.add_argument("--json", type=Path, help="write the results as JSON here")
    args = ap.parse_args(argv)
    if not corpus.available(corpus.NEWS["reuters"], corpus.NEWS["bbc"]):
        print(f"precision: corpus not found in {corpus.corpus_dir()}", file=sys.stderr)
        return 2
    result = measure(args.limit)
    print(f"precision: {result['claims']} growth claims with old, new and rate; {result['fit']} fit "
          f"({result['fit_share']} %); median relative width of the linked figures {result['median_relative_width']}, "
          f"of the {result['round_figures']} round ones (\"100,000\") {result['median_relative_width_round']}")
    for m in result["misfits"]:
        print(f"  {m['id']}: {m['rate']} | {m['old']} -> {m['new']} | {m['text']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
