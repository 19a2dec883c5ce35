"""Agent/caller roles for mono recordings, where one channel holds both parties.

Text (chosen in lexicons/roles.yaml `method`):
- keyword: the rule the leading products use, an utterance that contains the
  agent's script (greeting, hold script, closing, 咨询员 forms) is the agent's;
- classifier: character n-gram logistic regression trained on the labelled
  agent/caller sentences in roles.yaml.

Voice: a rude sentence reads like a frustrated caller, but it is said in the
agent's voice. When the call's two voice clusters are apart (`scorers.voices`), which one
is the agent is decided from the script lines, the text of each cluster's utterances and the
agent's enrolled voice; each utterance's P(agent) then combines its voice and its text in
log-odds. P(agent) becomes role_confidence, and a finding's confidence keeps the doubt.
"""

from __future__ import annotations

import math
from dataclasses import replace
from functools import lru_cache

from scorers import voices
from scorers.config import Roles
from scorers.phrases import PhraseEntry, match_entry, prepare
from scorers.text import normalize
from scorers.types import AGENT, CALLER, UNKNOWN, Utterance, VoiceTrack, Word


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


def classify(texts: list[str], cfg: Roles) -> list[tuple[str, float]]:
    clf = _classifier(cfg.training.agent, cfg.training.caller)
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


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(min(z, 40.0), -40.0)))


def text_probs(utts: list[Utterance], required: dict[str, PhraseEntry], cfg: Roles) -> list[float]:
    """P(agent) of each utterance from its words alone (unsmoothed)."""
    if cfg.method == "classifier" and cfg.training is not None:
        roles = classify([u.text for u in utts], cfg)
    else:
        extra = tuple(normalize(k) for k in cfg.agent_keywords)
        roles = [keyword_role(u.text, required, extra) for u in utts]
    return [c if r == AGENT else 1 - c for r, c in roles]


def script_lines(utts: list[Utterance], required: dict[str, PhraseEntry]) -> list[bool]:
    """Utterances holding the agent's script: greeting, closing, hold script."""
    out = []
    for u in utts:
        mt = prepare(u.text)
        out.append(any(match_entry(e, mt) for k, e in required.items() if k != "polite"))
    return out


def usable(track: VoiceTrack | None, vcfg: Roles) -> bool:
    """Voices too alike (one speaker, or two near-identical voices) give no evidence."""
    return track is not None and track.separation <= vcfg.max_separation


def cluster_memberships(
    track: VoiceTrack, utts: list[Utterance], vcfg: Roles
) -> list[float | None]:
    """P(cluster 0) of each utterance from the voice of its words; None without windows."""
    k = vcfg.margin_scale
    out: list[float | None] = []
    for u in utts:
        words = list(u.words) or [Word(u.start, u.end, u.text)]
        ms = [m for m in voices.word_margins(track, words) if m is not None]
        out.append(_sigmoid(k * sum(ms) / len(ms)) if ms else None)
    return out


def agent_cluster_prob(
    track: VoiceTrack,
    q0: list[float | None],
    p_text: list[float],
    script: list[bool],
    agent_voice: tuple[float, ...] | None,
    vcfg: Roles,
) -> float:
    """P(cluster 0 is the agent): script lines vote for their cluster, the clusters' mean
    text log-odds are compared, and the enrolled voice is compared with both centroids."""
    z = 0.0
    w_script = vcfg.script_weight
    for q, s in zip(q0, script, strict=True):
        if s and q is not None:
            z += w_script * (2 * q - 1)
    num = [0.0, 0.0]
    den = [0.0, 0.0]
    for q, p in zip(q0, p_text, strict=True):
        if q is None:
            continue
        lg = max(min(_logit(p), 4.0), -4.0)
        num[0] += q * lg
        den[0] += q
        num[1] += (1 - q) * lg
        den[1] += 1 - q
    if den[0] > 0.5 and den[1] > 0.5:
        z += vcfg.text_weight * (num[0] / den[0] - num[1] / den[1])
    if agent_voice is not None:
        a = [sum(x * y for x, y in zip(c, agent_voice, strict=True)) for c in track.centroids]
        z += vcfg.enrol_weight * voices.normalised_margin(track, a[0] - a[1])
    return _sigmoid(z)


def agent_cluster(
    utts: list[Utterance],
    required: dict[str, PhraseEntry],
    cfg: Roles,
    track: VoiceTrack | None,
    agent_voice: tuple[float, ...] | None = None,
) -> float | None:
    """P(cluster 0 is the agent) of a mono call; None when its voices give no evidence."""
    if not usable(track, cfg.voice) or not utts:
        return None
    utts = sorted(utts, key=lambda u: u.start)
    return _voice_evidence(
        utts, required, cfg, track, agent_voice, text_probs(utts, required, cfg)
    )[1]


def _voice_evidence(
    utts: list[Utterance],
    required: dict[str, PhraseEntry],
    cfg: Roles,
    track: VoiceTrack,
    agent_voice: tuple[float, ...] | None,
    p_text: list[float],
) -> tuple[list[float | None], float]:
    """Each utterance's P(cluster 0) and P(cluster 0 is the agent)."""
    vcfg = cfg.voice
    q0 = cluster_memberships(track, utts, vcfg)
    p0 = agent_cluster_prob(track, q0, p_text, script_lines(utts, required), agent_voice, vcfg)
    return q0, p0


def role_probs(
    utts: list[Utterance],
    required: dict[str, PhraseEntry],
    cfg: Roles,
    track: VoiceTrack | None = None,
    agent_voice: tuple[float, ...] | None = None,
    use: str = "both",
) -> list[float]:
    """P(agent) per utterance. `use`: "both" (voice and text), "text" or "voice" (the
    benchmark's comparison); without usable voices it is the smoothed text model."""
    p_text = text_probs(utts, required, cfg)
    vcfg = cfg.voice
    if use == "text" or not usable(track, vcfg):
        if cfg.method != "classifier":
            return p_text
        return smooth_turns(p_text, cfg.switch_prob)
    q0, p0 = _voice_evidence(utts, required, cfg, track, agent_voice, p_text)
    w_text = 0.0 if use == "voice" else vcfg.utterance_text_weight
    out = []
    for q, pt in zip(q0, p_text, strict=True):
        if q is None:  # no voice here: the text alone
            out.append(pt)
            continue
        pv = p0 * q + (1 - p0) * (1 - q)
        out.append(_sigmoid(_logit(pv) + w_text * _logit(pt)))
    return out


def assign_roles(
    utts: list[Utterance],
    required: dict[str, PhraseEntry],
    cfg: Roles,
    track: VoiceTrack | None = None,
    agent_voice: tuple[float, ...] | None = None,
    use: str = "both",
) -> list[Utterance]:
    todo = sorted((u for u in utts if u.speaker == UNKNOWN), key=lambda u: u.start)
    if not todo:
        return utts
    p = role_probs(todo, required, cfg, track, agent_voice, use)
    roles = [(AGENT, x) if x >= 0.5 else (CALLER, 1 - x) for x in p]
    by_id = {id(u): r for u, r in zip(todo, roles, strict=True)}
    out = []
    for u in utts:
        if id(u) in by_id:
            role, conf = by_id[id(u)]
            u = replace(u, speaker=role, role_confidence=round(conf, 3))
        out.append(u)
    return out


def merge_turns(utts: list[Utterance], gap_s: float) -> list[Utterance]:
    """Neighbouring utterances of one role, less than `gap_s` apart, as one turn: what a
    stereo channel gives. On a mono mix every pause splits an utterance (the other party
    may start there), so once the voices have said who spoke, a rude line cut at its comma
    is one sentence again ("你能不能好好说，/ 吵什么吵") and is found once. The turn keeps
    the lowest role confidence of its parts."""
    out: list[Utterance] = []
    for u in sorted(utts, key=lambda u: u.start):
        p = out[-1] if out else None
        if p is not None and p.speaker == u.speaker and u.start - p.end <= gap_s:
            out[-1] = Utterance(
                p.speaker,
                p.start,
                max(p.end, u.end),
                p.text + u.text,
                p.words + u.words,
                min(p.role_confidence, u.role_confidence),
            )
        else:
            out.append(u)
    return out
