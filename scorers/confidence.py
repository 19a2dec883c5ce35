"""Finding confidence: for phrase hits P(the phrase was said) x P(the agent said it); for
timing hits P(the measure is past its threshold) from the margin and the measurement's error.

The first factor is a logistic model over match features whose coefficients are data
(lexicons/confidence.yaml), fitted by `python -m benchmarks.detection --fit-confidence`
on the labelled evaluation set with scikit-learn; here we only evaluate them, so the
runtime needs no training. Without a fitted model a heuristic stands in. The second
factor is 1 on two-channel calls and the role model's probability on mono calls.
"""

from __future__ import annotations

import math

from scorers.config import ConfidenceModel

FEATURES = ("similarity", "exact", "syllables", "word_prob", "on_boundary")


def features(similarity: float, syllables: int, word_prob: float, on_boundary: bool) -> list[float]:
    return [
        similarity / 100,
        1.0 if similarity >= 100 else 0.0,
        min(syllables, 12) / 12,
        word_prob,
        1.0 if on_boundary else 0.0,
    ]


def heuristic(x: list[float]) -> float:
    sim, _, _, prob, _ = x
    return sim * (0.7 + 0.3 * prob)


def p_match(x: list[float], model: ConfidenceModel | None) -> float:
    if model is None:
        return heuristic(x)
    z = model.intercept + sum(model.coef[name] * v for name, v in zip(FEATURES, x, strict=True))
    return 1 / (1 + math.exp(-z))


def score(x: list[float], model: ConfidenceModel | None, p_agent: float = 1.0) -> float:
    return p_match(x, model) * p_agent


def beyond(excess: float, error: float) -> float:
    """P(a measure really is past its threshold) when it reads `excess` past it and its
    error is about `error` (same unit): 0.5 on the threshold, 0.88 one error past it, 0.98
    two errors past. A logistic stand-in for the normal CDF, exact enough for ordering a
    review queue."""
    if error <= 0:
        return 1.0 if excess >= 0 else 0.0
    return 1 / (1 + math.exp(-2.0 * excess / error))


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def fit(x: list[list[float]], y: list[int]) -> ConfidenceModel:
    """The logistic model over the match features, fitted with scikit-learn."""
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    coef = {n: float(c) for n, c in zip(FEATURES, m.coef_[0], strict=True)}
    return ConfidenceModel(intercept=float(m.intercept_[0]), coef=coef)


def brier(x: list[list[float]], y: list[int], model: ConfidenceModel | None) -> float:
    """Mean squared error of P(the phrase was said) against the decisions (lower is better)."""
    if not y:
        return float("nan")
    return sum((p_match(f, model) - t) ** 2 for f, t in zip(x, y, strict=True)) / len(y)
