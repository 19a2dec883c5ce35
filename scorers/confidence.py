"""Finding confidence for phrase hits: a logistic model over match features.

The coefficients are data (lexicons/confidence.yaml), fitted by
`python -m benchmarks.detection --fit-confidence` on the labelled evaluation set with
scikit-learn; here we only evaluate them, so the runtime needs no training.
Without a fitted model the heuristic below is used.
"""

from __future__ import annotations

import math

FEATURES = ("similarity", "exact", "syllables", "word_prob", "p_agent", "on_boundary")


def features(
    similarity: float, syllables: int, word_prob: float, p_agent: float, on_boundary: bool
) -> list[float]:
    return [
        similarity / 100,
        1.0 if similarity >= 100 else 0.0,
        min(syllables, 12) / 12,
        word_prob,
        p_agent,
        1.0 if on_boundary else 0.0,
    ]


def heuristic(x: list[float]) -> float:
    sim, _, _, prob, p_agent, _ = x
    return sim * (0.7 + 0.3 * prob) * p_agent


def score(x: list[float], model: dict | None) -> float:
    if not model:
        return heuristic(x)
    z = model["intercept"] + sum(
        model["coef"][name] * v for name, v in zip(FEATURES, x, strict=True)
    )
    return 1 / (1 + math.exp(-z))
