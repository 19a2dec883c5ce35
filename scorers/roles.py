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


def smooth_turns(p_agent: list[float], switch: float) -> list[float]:
    """Forward-backward over a two-state chain (agent/caller) whose turns tend to alternate.

    The classifier's probabilities are the emissions; `switch` is the probability that the
    next utterance is the other party's. A rude sentence between two caller turns is then
    more likely the agent's, a caller's complaint after the agent's answer the caller's.
    """
    n = len(p_agent)
    if n == 0 or switch == 0.5:
        return list(p_agent)
    t = [[1 - switch, switch], [switch, 1 - switch]]
    em = [(min(max(p, 1e-3), 1 - 1e-3), 1 - min(max(p, 1e-3), 1 - 1e-3)) for p in p_agent]
    fw = [[0.0, 0.0] for _ in range(n)]
    fw[0] = [0.5 * em[0][0], 0.5 * em[0][1]]
    for i in range(1, n):
        for s in (0, 1):
            fw[i][s] = em[i][s] * (fw[i - 1][0] * t[0][s] + fw[i - 1][1] * t[1][s])
        z = sum(fw[i])
        fw[i] = [x / z for x in fw[i]]
    bw = [[1.0, 1.0] for _ in range(n)]
    for i in range(n - 2, -1, -1):
        for s in (0, 1):
            bw[i][s] = sum(t[s][r] * em[i + 1][r] * bw[i + 1][r] for r in (0, 1))
        z = sum(bw[i])
        bw[i] = [x / z for x in bw[i]]
    out = []
    for i in range(n):
        a, c = fw[i][0] * bw[i][0], fw[i][1] * bw[i][1]
        out.append(a / (a + c))
    return out


def assign_roles(
    utts: list[Utterance], required: dict[str, PhraseEntry], cfg: dict
) -> list[Utterance]:
    todo = sorted((u for u in utts if u.speaker == UNKNOWN), key=lambda u: u.start)
    if not todo:
        return utts
    if cfg.get("method", "classifier") == "classifier" and cfg.get("training"):
        roles = classify([u.text for u in todo], cfg)
        p = [c if r == AGENT else 1 - c for r, c in roles]
        p = smooth_turns(p, float(cfg.get("switch_prob", 0.5)))
        roles = [(AGENT, x) if x >= 0.5 else (CALLER, 1 - x) for x in p]
    else:
        extra = tuple(normalize(k) for k in cfg.get("agent_keywords", []))
        roles = [keyword_role(u.text, required, extra) for u in todo]
    by_id = {id(u): r for u, r in zip(todo, roles, strict=True)}
    out = []
    for u in utts:
        if id(u) in by_id:
            role, conf = by_id[id(u)]
            u = replace(u, speaker=role, role_confidence=round(conf, 3))
        out.append(u)
    return out
