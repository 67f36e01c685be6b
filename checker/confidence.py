"""A finding's confidence: the measured share of findings like it that are real errors.

Why: a rule's severity says whether any reading of the text could be consistent; it does not say how
likely the finding is to be a real slip, and editors need findings ranked and a threshold they can set.
The model is a logistic regression over checker.confidence_features, calibrated (Platt scaling, on articles
it was not trained on) so that its output is a frequency, trained by bench/train_confidence.py and
shipped as plain JSON (checker/confidence_model.json): coefficients, intercept, feature names, the
calibration table and the default threshold. Scoring is a dot product and a table look-up in pure
Python: scikit-learn is never imported at check time.

Findings of a rule the model has no coefficient for (a new rule, the engine's X100) keep the confidence
their rule set.
"""
from __future__ import annotations

import bisect
import json
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from statlint.checker.confidence_features import FEATURES, RULE_CODES, Context, vector
from statlint.checker.model import Facts, Finding

MODEL_PATH = Path(__file__).with_name("confidence_model.json")


class ModelError(ValueError):
    """The shipped model file does not fit this code (its features differ) or cannot be read."""


@dataclass(frozen=True)
class Model:
    """A calibrated logistic regression, as plain numbers."""

    features: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float
    calib_x: tuple[float, ...]  # raw probabilities, increasing
    calib_y: tuple[float, ...]  # the measured share of real errors at each
    threshold: float  # the default --min-confidence

    @classmethod
    def from_dict(cls, data: dict) -> "Model":
        try:
            model = cls(tuple(data["features"]), tuple(float(c) for c in data["coef"]), float(data["intercept"]),
                        tuple(float(v) for v in data["calibration"]["x"]),
                        tuple(float(v) for v in data["calibration"]["y"]), float(data["threshold"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"confidence model: {exc!r}") from None
        if model.features != FEATURES or len(model.coef) != len(FEATURES):
            raise ModelError("confidence model: its features are not checker.confidence_features.FEATURES; "
                             "rebuild it with `python bench/train_confidence.py`")
        if not model.calib_x or len(model.calib_x) != len(model.calib_y):
            raise ModelError("confidence model: empty or uneven calibration table")
        return model

    def raw(self, x: list[float]) -> float:
        """The logistic regression's probability."""
        z = self.intercept + sum(c * v for c, v in zip(self.coef, x))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def calibrate(self, p: float) -> float:
        """The calibration table: linear between its points, flat beyond its ends."""
        xs, ys = self.calib_x, self.calib_y
        if p <= xs[0]:
            return ys[0]
        if p >= xs[-1]:
            return ys[-1]
        i = bisect.bisect_right(xs, p)
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (p - x0) / (x1 - x0)

    def predict(self, x: list[float]) -> float:
        return min(1.0, max(0.0, self.calibrate(self.raw(x))))


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model, read once per process."""
    try:
        data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the confidence model {MODEL_PATH}: {exc}") from None
    return Model.from_dict(data)


_KNOWN = frozenset(RULE_CODES)


def score(doc, facts: Facts, findings: list[Finding]) -> list[Finding]:
    """The findings with the model's confidence, each rounded to two places as the reports show it."""
    if not any(f.rule in _KNOWN for f in findings):
        return findings
    m = model()
    ctx = Context(doc, facts, findings)
    return [replace(f, confidence=round(m.predict(vector(f, ctx)), 2)) if f.rule in _KNOWN else f
            for f in findings]


def default_threshold() -> float:
    """The model's default cut (--min-confidence when none is given)."""
    return model().threshold


def cut_for(rule: str, min_confidence: float | None) -> float:
    """The lowest confidence shown for a finding of `rule`: min_confidence when one is set; else the model's
    default cut for a rule the model scores, and no cut for one it does not (its confidence is the rule's
    own guess, on another scale: a new rule is never hidden by a cut measured without it)."""
    if min_confidence is not None:
        return min_confidence
    return default_threshold() if rule in _KNOWN else 0.0
