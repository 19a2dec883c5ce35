"""Which detected speech has no transcribed words: the ASR stage's completeness check.

Whisper with VAD concatenation and greedy decoding can end a 30 s window early and return
nothing for the rest of a channel (seen: an agent channel that kept only its greeting on a
call with a 100 s lookup). Every speech stretch is checked for words; what has none is
decoded again on its own, and what is still uncovered is reported, never hidden.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scorers.types import Interval, Word
from scorers.utterances import gaps, merge_intervals

# A word "covers" speech this far (s) around its own span: word times are approximate.
WORD_REACH_S = 0.5


@dataclass(frozen=True)
class ChannelCoverage:
    speech_s: float
    uncovered_s: float
    uncovered: tuple[Interval, ...]

    @property
    def share(self) -> float:
        """Covered share of the channel's speech (1.0 for a channel without speech)."""
        return 1.0 - self.uncovered_s / self.speech_s if self.speech_s > 0 else 1.0


def uncovered(
    speech: Sequence[Interval], words: Sequence[Word], min_len_s: float
) -> list[Interval]:
    """The parts of `speech` at least `min_len_s` long that no word comes near."""
    reach = merge_intervals([Interval(w.start - WORD_REACH_S, w.end + WORD_REACH_S) for w in words])
    out: list[Interval] = []
    for iv in merge_intervals(list(speech)):
        out.extend(g for g in gaps(reach, iv.start, iv.end) if g.length >= min_len_s)
    return out


def summarize(speech: Sequence[Interval], holes: Sequence[Interval]) -> ChannelCoverage:
    total = sum(iv.length for iv in merge_intervals(list(speech)))
    lost = sum(iv.length for iv in holes)
    return ChannelCoverage(round(total, 2), round(lost, 2), tuple(holes))


def decode_windows(
    holes: Sequence[Interval], max_len_s: float = 28.0, pad_s: float = 0.3, join_gap_s: float = 1.5
) -> list[Interval]:
    """Group uncovered stretches into windows to decode alone, each within Whisper's 30 s."""
    out: list[Interval] = []
    for h in sorted(holes, key=lambda i: i.start):
        a, b = max(0.0, h.start - pad_s), h.end + pad_s
        if out and a - out[-1].end <= join_gap_s and b - out[-1].start <= max_len_s:
            out[-1] = Interval(out[-1].start, b)
        else:
            # A stretch longer than the window is cut into window-sized pieces.
            while b - a > max_len_s:
                out.append(Interval(a, a + max_len_s))
                a += max_len_s - pad_s
            out.append(Interval(a, b))
    return out


def describe(holes: Sequence[Interval], limit: int = 6) -> str:
    """'12.3-18.0s, 40.1-44.2s' for a warning an inspector reads."""
    parts = [f"{h.start:.1f}-{h.end:.1f}s" for h in holes[:limit]]
    more = len(holes) - limit
    return ", ".join(parts) + (f" and {more} more" if more > 0 else "")
