"""Two voices on one channel: windows to embed, their clustering, and what each word's voice is.

Pure logic on plain arrays: the embeddings come from `pipeline.voice`; which cluster is the
agent is decided in `scorers.roles`, with the text and the agent's enrolled voice.
"""

from __future__ import annotations

import numpy as np

from scorers.types import Interval, VoiceTrack, VoiceWindow, Word


def window_plan(
    speech: list[Interval], length_s: float, hop_s: float, min_s: float
) -> list[tuple[float, float]]:
    """Windows inside each speech stretch (never across a pause, where the other party may
    start): `length_s` long every `hop_s`, the last one flush with the stretch's end; a
    stretch shorter than `length_s` is one window, if it is at least `min_s`."""
    out: list[tuple[float, float]] = []
    for iv in speech:
        if iv.length < min_s:
            continue
        if iv.length <= length_s:
            out.append((iv.start, iv.end))
            continue
        t = iv.start
        while t + length_s < iv.end:
            out.append((round(t, 3), round(t + length_s, 3)))
            t += hop_s
        out.append((round(iv.end - length_s, 3), iv.end))
    return out


def _unit(v: np.ndarray) -> np.ndarray:
    return v / max(float(np.linalg.norm(v)), 1e-9)


def cluster(
    windows: list[tuple[float, float]], emb: np.ndarray, min_windows: int = 4
) -> VoiceTrack | None:
    """Two clusters of the windows' embeddings (k-means on the unit sphere, then each
    centroid the normalised mean of its windows). None when there is too little speech."""
    if len(windows) < min_windows:
        return None
    from sklearn.cluster import KMeans

    x = np.asarray(emb, dtype=np.float64)
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    labels = KMeans(2, n_init=10, random_state=0).fit_predict(x)
    if len(set(labels.tolist())) < 2:
        return None
    cents = [_unit(x[labels == k].mean(axis=0)) for k in (0, 1)]
    # Cluster 0 is the one that speaks first: the same call clusters the same way every run.
    first = labels[int(np.argmin([a for a, _ in windows]))]
    if first == 1:
        cents = cents[::-1]
    margin = x @ cents[0] - x @ cents[1]
    wins = tuple(
        VoiceWindow(float(a), float(b), 0 if m >= 0 else 1, round(float(m), 4))
        for (a, b), m in zip(windows, margin, strict=True)
    )
    return VoiceTrack(
        wins,
        tuple(tuple(round(float(v), 5) for v in c) for c in cents),
        round(float(cents[0] @ cents[1]), 4),
    )


def normalised_margin(track: VoiceTrack, margin: float) -> float:
    """A window's margin in units of the centroids' own margin (±1 at a centroid), so calls
    whose voices are far apart and calls whose voices are close read on one scale."""
    return margin / max(1.0 - track.separation, 1e-3)


def word_margins(track: VoiceTrack, words: list[Word], reach_s: float = 1.0) -> list[float | None]:
    """Each word's voice: the mean normalised margin of the windows around its middle
    (+ = cluster 0), or of the nearest window within `reach_s`; None if there is none."""
    starts = np.array([w.start for w in track.windows])
    ends = np.array([w.end for w in track.windows])
    ms = np.array([normalised_margin(track, w.margin) for w in track.windows])
    out: list[float | None] = []
    for w in words:
        mid = (w.start + w.end) / 2
        inside = (starts <= mid) & (mid <= ends)
        if inside.any():
            out.append(float(ms[inside].mean()))
            continue
        dist = np.maximum(starts - mid, mid - ends)
        k = int(np.argmin(dist)) if len(dist) else -1
        out.append(float(ms[k]) if k >= 0 and dist[k] <= reach_s else None)
    return out


def change_points(track: VoiceTrack, min_windows: int = 2) -> list[float]:
    """Times inside speech where the voice changes: between two runs of windows of one
    speech stretch (consecutive overlapping windows) that each hold `min_windows` windows
    of one cluster. A lone window of the other cluster is noise, not a turn."""
    wins = sorted(track.windows, key=lambda w: w.start)
    out: list[float] = []
    run: list[VoiceWindow] = []
    stretches: list[list[VoiceWindow]] = []
    for w in wins:  # windows of one stretch overlap or touch; a pause starts a new stretch
        if run and w.start > run[-1].end + 1e-6:
            stretches.append(run)
            run = []
        run.append(w)
    if run:
        stretches.append(run)
    for ws in stretches:
        runs: list[list[VoiceWindow]] = []
        for w in ws:
            if runs and runs[-1][0].cluster == w.cluster:
                runs[-1].append(w)
            else:
                runs.append([w])
        runs = [r for r in runs if len(r) >= min_windows]
        for a, b in zip(runs, runs[1:], strict=False):
            if a[0].cluster != b[0].cluster:
                ca = (a[-1].start + a[-1].end) / 2
                cb = (b[0].start + b[0].end) / 2
                out.append(round((ca + cb) / 2, 3))
    return out


def track_to_json(t: VoiceTrack | None) -> dict | None:
    if t is None:
        return None
    return {
        "windows": [[w.start, w.end, w.cluster, w.margin] for w in t.windows],
        "centroids": [list(c) for c in t.centroids],
        "separation": t.separation,
    }


def track_from_json(d: dict | None) -> VoiceTrack | None:
    if not d:
        return None
    return VoiceTrack(
        tuple(VoiceWindow(a, b, int(c), m) for a, b, c, m in d["windows"]),
        tuple(tuple(c) for c in d["centroids"]),
        float(d["separation"]),
    )


def mean_voice(
    vectors: list[tuple[list[float] | tuple[float, ...], float]],
) -> tuple[float, ...] | None:
    """The seconds-weighted, normalised mean of (embedding, seconds) pairs: an enrolment."""
    if not vectors:
        return None
    v = sum(np.asarray(e, dtype=np.float64) * max(s, 1e-3) for e, s in vectors)
    return tuple(round(float(x), 5) for x in _unit(np.asarray(v)))


def enrolment_calls(calls: list, per_agent: int) -> frozenset[str]:
    """Ids of the stereo calls whose agent channel is embedded for the agent's voiceprint:
    each agent's earliest `per_agent` (by start time, then id), all of them when 0. Chosen
    from the manifest alone, so a rerun or a cached transcript never changes the choice."""
    stereo = sorted(
        (c for c in calls if c.agent_channel != "mono"), key=lambda c: (c.started_at, c.call_id)
    )
    taken: dict[str, int] = {}
    out = set()
    for c in stereo:
        if per_agent <= 0 or taken.get(c.agent_id, 0) < per_agent:
            taken[c.agent_id] = taken.get(c.agent_id, 0) + 1
            out.add(c.call_id)
    return frozenset(out)
