"""Per-class precision and recall of the situational intent classes.

    python -m benchmarks.intents

Three tables: (1) 5-fold cross-validation on the training corpus (lexicons/intents.yaml)
by sentence, the figure tuning looked at (optimistic: a slot line's other sentences stay in
training); (1b) 5-fold cross-validation by corpus line, three times shuffled: a line and
every sentence its slots make are left out together, so this is what a wording the corpus
never saw gets; (2) held-out paraphrases written after tuning (`--heldout`, default
benchmarks/intents_heldout3.yaml; parts 1 and 2 have been tuned on). A
sentence counts as predicted for a class when the class's probability reaches the corpus's
threshold, as the rules use it.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import replace
from pathlib import Path

import yaml

from pipeline.inputs.config import load_config
from scorers import intents
from scorers.config import Intents

HELDOUT = Path(__file__).with_name("intents_heldout3.yaml")


def _table(
    title: str, rows: list[tuple[str, set[str]]], preds: list[set[str]], names, show: int = 40
) -> None:
    print(title)
    print(f"  {'class':<18}{'n':>4}{'P':>7}{'R':>7}{'F1':>7}")
    for c in names:
        tp = sum(1 for (_, g), p in zip(rows, preds, strict=True) if c in g and c in p)
        fp = sum(1 for (_, g), p in zip(rows, preds, strict=True) if c not in g and c in p)
        fn = sum(1 for (_, g), p in zip(rows, preds, strict=True) if c in g and c not in p)
        n = tp + fn
        if n == 0 and fp == 0:
            continue
        pr = tp / (tp + fp) if tp + fp else 1.0
        rc = tp / n if n else 1.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        print(f"  {c:<18}{n:>4}{pr:>7.3f}{rc:>7.3f}{f1:>7.3f}")
    wrong = [(t, sorted(g), sorted(p)) for (t, g), p in zip(rows, preds, strict=True) if g != p]
    print(f"  sentences: {len(rows)}, wrong: {len(wrong)}")
    for t, g, p in wrong[:show]:
        print(f"    {t}  truth={g or ['other']} predicted={p or ['other']}")


def _predict(texts: list[str], cfg: Intents) -> list[set[str]]:
    return [
        {c for c, p in probs.items() if p >= cfg.threshold_for(c)}
        for probs in intents.probabilities(texts, cfg)
    ]


def cross_validate(cfg: Intents, folds: int = 5, seed: int = 0) -> None:
    """Folds over the corpus's sentences (slots expanded): a template's other sentences
    stay in training, so this is the optimistic figure; the held-out file is the honest one."""
    sents = [(x, c) for c, ts in cfg.classes.items() for t in ts for x in intents.expand(t)]
    sents += [(x, "") for t in cfg.other for x in intents.expand(t)]
    random.Random(seed).shuffle(sents)
    rows: list[tuple[str, set[str]]] = []
    preds: list[set[str]] = []
    for f in range(folds):
        train = [s for i, s in enumerate(sents) if i % folds != f]
        test = [s for i, s in enumerate(sents) if i % folds == f]
        classes = {c: tuple(x for x, k in train if k == c) for c in cfg.classes}
        sub = replace(cfg, classes=classes, other=tuple(x for x, k in train if not k))
        rows += [(x, {c} if c else set()) for x, c in test]
        preds += _predict([x for x, _ in test], sub)
    names = sorted(cfg.classes)
    _table(f"(1) {folds}-fold cross-validation on lexicons/intents.yaml", rows, preds, names)


def cross_validate_lines(cfg: Intents, folds: int = 5, repeats: int = 3) -> None:
    """Folds over corpus lines: each test line is represented by up to 3 of its sentences."""
    lines = [(t, c) for c, ts in cfg.classes.items() for t in ts] + [(t, "") for t in cfg.other]
    rows: list[tuple[str, set[str]]] = []
    preds: list[set[str]] = []
    for rep in range(repeats):
        order = lines[:]
        random.Random(rep).shuffle(order)
        for f in range(folds):
            train = [x for i, x in enumerate(order) if i % folds != f]
            test = [x for i, x in enumerate(order) if i % folds == f]
            classes = {c: tuple(t for t, k in train if k == c) for c in cfg.classes}
            sub = replace(cfg, classes=classes, other=tuple(t for t, k in train if not k))
            sents = [
                (x, {c} if c else set())
                for t, c in test
                for x in random.Random(t).sample(intents.expand(t), min(3, len(intents.expand(t))))
            ]
            rows += sents
            preds += _predict([x for x, _ in sents], sub)
    _table(
        f"(1b) {folds}-fold cross-validation by corpus line, {repeats} shuffles (unseen wording)",
        rows,
        preds,
        sorted(cfg.classes),
        show=0,
    )


def heldout(cfg: Intents, path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = [(t, {c}) for c, ts in (data.get("classes") or {}).items() for t in ts] + [
        (t, set()) for t in data.get("other") or []
    ]
    _table(
        f"(2) held-out paraphrases ({path.name}, written after tuning)",
        rows,
        _predict([t for t, _ in rows], cfg),
        sorted(cfg.classes),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--heldout", default=str(HELDOUT))
    a = ap.parse_args()
    cfg = load_config().intents
    cross_validate(cfg)
    cross_validate_lines(cfg)
    if Path(a.heldout).exists():
        heldout(cfg, Path(a.heldout))


if __name__ == "__main__":
    main()
