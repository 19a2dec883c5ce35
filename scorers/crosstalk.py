"""Words that belong to the other channel, and whether a recording can be judged.

With line echo the other party's words can be transcribed on this channel too. Echo
cancellation removes most of it before ASR; what is left is caught here, on plain data:
a word whose text the other channel also has at the same moment belongs to the channel
whose own speech holds it; when both or neither do, it goes to the caller, so a caller's
sentence is never evidence against the agent.
"""

from __future__ import annotations

from collections.abc import Sequence

from scorers.config import RecordingQuality
from scorers.text import normalize
from scorers.types import AGENT, CALLER, Interval, Word

ECHO_WINDOW_S = 0.6  # word times on two channels differ by this much for the same speech
MIN_RUN = 3  # characters in common before a word counts as the other channel's


def own_share(w: Word, own: Sequence[Interval]) -> float:
    """Share of the word's span inside the channel's own speech."""
    span = max(w.end - w.start, 1e-3)
    inside = sum(max(0.0, min(w.end, iv.end) - max(w.start, iv.start)) for iv in own)
    return min(1.0, inside / span)


def _near_text(start: float, end: float, other: Sequence[Word]) -> str:
    return "".join(
        normalize(o.text)
        for o in other
        if o.end >= start - ECHO_WINDOW_S and o.start <= end + ECHO_WINDOW_S
    )


def echoed(words: Sequence[Word], other: Sequence[Word]) -> list[bool]:
    """Per word: does the other channel say it too, with its neighbours, at the same time?

    One character is no evidence (both parties say 转 or 好 within a second); a run of at
    least MIN_RUN characters (the word and up to two neighbours each side) is.
    """
    texts = [normalize(w.text) for w in words]
    out = []
    for i in range(len(words)):
        hit = False
        for j in range(max(0, i - 2), i + 1):
            for k in range(i, min(len(words), i + 3)):
                run = "".join(texts[j : k + 1])
                if (
                    texts[i]
                    and len(run) >= MIN_RUN
                    and run in _near_text(words[j].start, words[k].end, other)
                ):
                    hit = True
                    break
            if hit:
                break
        out.append(hit)
    return out


def split_echo(
    words: dict[str, list[Word]], own: dict[str, Sequence[Interval]]
) -> tuple[dict[str, list[Word]], dict[str, list[Word]]]:
    """(kept, dropped) words per channel (agent, caller) of a stereo call with echo."""
    kept: dict[str, list[Word]] = {AGENT: [], CALLER: []}
    dropped: dict[str, list[Word]] = {AGENT: [], CALLER: []}
    for me, other in ((AGENT, CALLER), (CALLER, AGENT)):
        mine = words.get(me, [])
        for w, dup in zip(mine, echoed(mine, words.get(other, [])), strict=True):
            keep = True
            if dup:
                here, there = own_share(w, own.get(me, ())), own_share(w, own.get(other, ()))
                keep = here > there if me == AGENT else here >= there
            (kept if keep else dropped)[me].append(w)
    return kept, dropped


def judge_recording(diag: dict[str, dict], cfg: RecordingQuality) -> list[str]:
    """Why a recording is too degraded for the timing rules (empty: it can be judged).

    `diag` holds per channel the front end's measurements: echo_db, noise_dbfs,
    speech_dbfs, clipping. Thresholds are in lexicons/timing.yaml `recording_quality`.
    """
    out = []
    for ch, d in sorted(diag.items()):
        if d.get("speech_dbfs") is None:
            continue
        snr = d["speech_dbfs"] - d["noise_dbfs"]
        if snr < cfg.min_snr_db:
            out.append(f"{ch} speech only {snr:.0f} dB above the line noise")
        if d.get("clipping", 0.0) > cfg.max_clipping:
            out.append(f"{ch} clipped ({100 * d['clipping']:.1f} % of samples)")
        if d.get("echo_db") is not None and d["echo_db"] > cfg.max_echo_db:
            out.append(f"echo into the {ch} channel at {d['echo_db']:.0f} dB")
    return out
