"""Agent/caller roles for mono recordings, where one channel holds both parties.

Two methods, chosen in lexicons/roles.yaml:
- keyword: the rule the leading products use, an utterance that contains the
  agent's script (greeting, hold script, closing, 咨询员 forms) is the agent's;
- classifier: character n-gram logistic regression trained on the labelled
  agent/caller sentences in roles.yaml; its probability becomes role_confidence.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from scorers.phrases import PhraseEntry, match_entry, prepare
from scorers.text import normalize
from scorers.types import AGENT, CALLER, UNKNOWN, Utterance


def keyword_role(
    text: str, required: dict[str, PhraseEntry], extra: tuple[str, ...]
) -> tuple[str, float]:
    mt = prepare(text)
    if any(match_entry(e, mt) for k, e in required.items() if k != "polite"):
        return AGENT, 0.9
    norm = normalize(text)
    if any(k in norm for k in extra):
        return AGENT, 0.7
    return CALLER, 0.6


@lru_cache(maxsize=4)
def _classifier(agent: tuple[str, ...], caller: tuple[str, ...]):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    X = [normalize(t) for t in agent + caller]
    y = [1] * len(agent) + [0] * len(caller)
    clf = make_pipeline(
        TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True),
        LogisticRegression(C=4.0, max_iter=1000),
    )
    return clf.fit(X, y)


def classify(texts: list[str], cfg: dict) -> list[tuple[str, float]]:
    clf = _classifier(tuple(cfg["training"]["agent"]), tuple(cfg["training"]["caller"]))
    probs = clf.predict_proba([normalize(t) for t in texts])[:, 1]
    return [(AGENT, float(p)) if p >= 0.5 else (CALLER, float(1 - p)) for p in probs]


def assign_roles(
    utts: list[Utterance], required: dict[str, PhraseEntry], cfg: dict
) -> list[Utterance]:
    todo = [u for u in utts if u.speaker == UNKNOWN]
    if not todo:
        return utts
    if cfg.get("method", "classifier") == "classifier" and cfg.get("training"):
        roles = classify([u.text for u in todo], cfg)
    else:
        extra = tuple(normalize(k) for k in cfg.get("agent_keywords", []))
        roles = [keyword_role(u.text, required, extra) for u in todo]
    it = iter(roles)
    out = []
    for u in utts:
        if u.speaker == UNKNOWN:
            role, conf = next(it)
            u = replace(u, speaker=role, role_confidence=round(conf, 3))
        out.append(u)
    return out
