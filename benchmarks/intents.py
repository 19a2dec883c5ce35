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

from pipeline.inputs.config import lexicon_dir, load_config
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


def cross_validate_lines(
    cfg: Intents, folds: int = 5, repeats: int = 3, base: Intents | None = None
) -> list[tuple[str, str, dict[str, float]]]:
    """Folds over corpus lines: each test line is represented by up to 3 of its sentences.
    `base`: only the lines of this corpus are tested (the rest always train), so two corpora
    compare on the same test lines. Returns (sentence, class, out-of-fold scores) rows."""
    lines = [(t, c) for c, ts in cfg.classes.items() for t in ts] + [(t, "") for t in cfg.other]
    if base is not None:
        keep = {(t, c) for c, ts in base.classes.items() for t in ts} | {(t, "") for t in base.other}
        always = [x for x in lines if x not in keep]
        lines = [x for x in lines if x in keep]
    else:
        always = []
    rows: list[tuple[str, set[str]]] = []
    preds: list[set[str]] = []
    scored = []
    for rep in range(repeats):
        order = lines[:]
        random.Random(rep).shuffle(order)
        for f in range(folds):
            train = [x for i, x in enumerate(order) if i % folds != f] + always
            test = [x for i, x in enumerate(order) if i % folds == f]
            classes = {c: tuple(t for t, k in train if k == c) for c in cfg.classes}
            sub = replace(cfg, classes=classes, other=tuple(t for t, k in train if not k),
                          calibration={})  # fmt: skip
            sents = [
                (x, {c} if c else set(), c)
                for t, c in test
                for x in random.Random(t).sample(intents.expand(t), min(3, len(intents.expand(t))))
            ]
            probs = intents.probabilities([x for x, _, _ in sents], sub)
            rows += [(x, g) for x, g, _ in sents]
            preds += [{c for c, p in pr.items() if p >= cfg.threshold_for(c)} for pr in probs]
            scored += [(x, c, pr) for (x, _, c), pr in zip(sents, probs, strict=True)]
    _table(
        f"(1b) {folds}-fold cross-validation by corpus line, {repeats} shuffles (unseen wording)"
        + (" on the base corpus's lines" if base is not None else ""),
        rows,
        preds,
        sorted(cfg.classes),
        show=0,
    )
    return scored


def fit_calibration(scored, classes: list[str]) -> dict[str, tuple[float, float]]:
    """Per class, a Platt map (a, b) from the out-of-fold score's logit to P(the sentence is
    of the class): what a score means on wording the corpus never saw."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    out = {}
    for c in classes:
        y = np.array([k == c for _, k, _ in scored], dtype=int)
        if y.sum() < 10:
            continue
        s = np.clip(np.array([p.get(c, 0.0) for _, _, p in scored]), 1e-6, 1 - 1e-6)
        x = np.log(s / (1 - s)).reshape(-1, 1)
        m = LogisticRegression(C=1e4).fit(x, y)
        out[c] = (round(float(m.coef_[0][0]), 4), round(float(m.intercept_[0]), 4))
    return out


def write_calibration(path: Path, cal: dict[str, tuple[float, float]]) -> None:
    """Replace the calibration block at the end of intents.yaml (comments elsewhere kept)."""
    text = path.read_text(encoding="utf-8")
    head = text.split("\n" + CAL_HEADER)[0].rstrip("\n")
    body = "".join(f"  {c}: [{a}, {b}]\n" for c, (a, b) in sorted(cal.items()))
    path.write_text(f"{head}\n{CAL_HEADER}\ncalibration:\n{body}", encoding="utf-8")


CAL_HEADER = (
    "# Written by `python -m benchmarks.intents --fit-calibration`: per trigger class, a Platt\n"
    "# map from the model's score to the probability that a sentence of unseen wording is of\n"
    "# the class, fitted on the cross-validation by corpus line (the ordinary caller lines in\n"
    "# `other` included). The findings' probabilities use it; the thresholds read the score."
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
    ap.add_argument("--lexicons", default=None, help="another lexicon folder (a before/after)")
    ap.add_argument("--base", default=None,
                    help="test only the lines of this lexicon folder's corpus (same test lines)")  # fmt: skip
    ap.add_argument("--fit-calibration", action="store_true",
                    help="fit the per-class calibration and write it into intents.yaml")  # fmt: skip
    a = ap.parse_args()
    cfg = load_config(a.lexicons).intents
    base = load_config(a.base).intents if a.base else None
    if not a.fit_calibration:
        cross_validate(cfg)
    scored = cross_validate_lines(cfg, base=base)
    if a.fit_calibration:
        triggers = sorted({n for r in load_config(a.lexicons).situations.rules
                           for n in r.trigger.intents})  # fmt: skip
        cal = fit_calibration(scored, triggers)
        path = lexicon_dir(a.lexicons) / "intents.yaml"
        write_calibration(path, cal)
        print(f"wrote the calibration of {len(cal)} classes to {path}")
        for c, (x, y) in sorted(cal.items()):
            print(f"  {c:<18} a {x:+.3f} b {y:+.3f}")
    if Path(a.heldout).exists():
        heldout(cfg, Path(a.heldout))


if __name__ == "__main__":
    main()
