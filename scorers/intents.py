"""Intent classes for situational triggers and responses: one logistic regression per class
over char n-grams and jieba words, fitted on the paraphrase corpus (lexicons/intents.yaml).

Multi-label on purpose: "你们这什么破服务，气死我了" is a complaint and an upset caller at
once, so each class has its own probability instead of one softmax over all of them.
Fitted once per corpus (the frozen `Intents` config is the cache key); deterministic
(liblinear), so a rescore decides the same way as the night.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from scorers.config import Intents
from scorers.text import normalize, pinyin_tokens

_CLAUSE = re.compile(r"[，。？！,.?!；;：:、\s]+")
MIN_CLAUSE = 4  # a bare 不好意思 or 对不起 is a courtesy, not a class of its own
_SLOT = re.compile(r"\{([^{}]*)\}")


def expand(example: str) -> list[str]:
    """A corpus line with slots, "{你们|上次那个人}{态度太差了|爱答不理的}", as every
    sentence it stands for (a line without slots is itself)."""
    m = _SLOT.search(example)
    if not m:
        return [example]
    head, tail = example[: m.start()], example[m.end() :]
    return [x for alt in m.group(1).split("|") for x in expand(head + alt + tail)]


@lru_cache(maxsize=4)
def _model(cfg: Intents):
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.preprocessing import MultiLabelBinarizer

    names = sorted(cfg.classes)
    rows = [(normalize(x), (c,)) for c in names for t in cfg.classes[c] for x in expand(t)]
    rows += [(normalize(x), ()) for t in cfg.other for x in expand(t)]
    texts = [t for t, _ in rows]
    labels = [lab for _, lab in rows]
    mlb = MultiLabelBinarizer(classes=names)
    y = mlb.fit_transform(labels)
    vec = _vectorizer(cfg.word_features, cfg.pinyin_features)
    X = vec.fit_transform(texts)
    clf = OneVsRestClassifier(
        LogisticRegression(C=8.0, max_iter=2000, solver="liblinear", class_weight="balanced")
    ).fit(X, y)
    # Each class's probability is the logistic of its own linear score (what predict_proba
    # of a multi-label one-vs-rest gives), computed as one sparse product for all classes:
    # predict_proba's per-class input checks cost more than the maths (40 % of a rescore).
    if all(isinstance(e, LogisticRegression) for e in clf.estimators_):
        w = np.vstack([e.coef_[0] for e in clf.estimators_]).T
        b = np.array([e.intercept_[0] for e in clf.estimators_])
        return names, vec, (lambda x: 1.0 / (1.0 + np.exp(-(x @ w + b)))), clf
    return names, vec, clf.predict_proba, clf  # a class the corpus gives no examples of


def calibrated(name: str, score: float, cfg: Intents) -> float:
    """The class's score as a probability on unseen wording (`Intents.calibration`)."""
    ab = cfg.calibration.get(name)
    if ab is None:
        return score
    s = min(max(score, 1e-6), 1 - 1e-6)
    z = ab[0] * np.log(s / (1 - s)) + ab[1]
    return float(1.0 / (1.0 + np.exp(-z)))


def _words(text: str) -> list[str]:
    import jieba

    return [w for w in jieba.lcut(text) if w.strip()]


def _syllables(text: str) -> list[str]:
    """The text as toneless pinyin syllables (code points of `scorers.text`): Whisper's
    homophone errors (射保 for 社保, 退修 for 退休) read as the words they stand for."""
    toks = pinyin_tokens(text)
    return [toks[i : i + 2] for i in range(0, len(toks), 2)]


def _vectorizer(words: bool, syllables: bool):
    """Char 1-3-grams (robust to ASR's wrong characters); with `syllables` also pinyin
    syllable 1-2-grams (robust to its homophones); with `words` jieba words and word pairs."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    parts = [("chars", TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True))]
    if syllables:
        parts.append(("pinyin", TfidfVectorizer(
            tokenizer=_syllables, token_pattern=None, lowercase=False, ngram_range=(1, 2),
            sublinear_tf=True,
        )))  # fmt: skip
    if words:
        parts.append(("words", TfidfVectorizer(
            tokenizer=_words, token_pattern=None, lowercase=False, ngram_range=(1, 2),
            sublinear_tf=True,
        )))  # fmt: skip
    return parts[0][1] if len(parts) == 1 else FeatureUnion(parts)


def clauses(text: str) -> list[str]:
    """The utterance and its clauses: a complaint said after a question is still found."""
    parts = [p for p in _CLAUSE.split(text) if len(normalize(p)) >= MIN_CLAUSE]
    return [text] + (parts if len(parts) > 1 else [])


def probabilities(texts: list[str], cfg: Intents) -> list[dict[str, float]]:
    """Per text, each class's probability: the highest over the text and its clauses."""
    if not cfg.classes or not texts:
        return [{} for _ in texts]
    names, vec, proba, _ = _model(cfg)
    pieces, owner = [], []
    for i, t in enumerate(texts):
        if len(normalize(t)) < MIN_CLAUSE:
            continue  # 行吧, 那你说: too short to carry a class
        for c in clauses(t):
            pieces.append(normalize(c))
            owner.append(i)
    out: list[dict[str, float]] = [dict.fromkeys(names, 0.0) for _ in texts]
    if not pieces:
        return out
    probs = proba(vec.transform(pieces))
    for i, row in zip(owner, probs, strict=True):
        for name, p in zip(names, row, strict=True):
            if p > out[i][name]:
                out[i][name] = float(p)
    return out
