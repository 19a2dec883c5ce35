"""Word timestamps → utterances, and interval arithmetic shared by the timing rules."""

from __future__ import annotations

import re

from scorers.text import to_simplified
from scorers.types import Interval, Utterance, Word


def words_to_utterances(
    words: list[Word],
    speaker: str,
    gap_s: float,
    speech: list[Interval] | None = None,
    breaks: list[float] | None = None,
    heard: list[Interval] | None = None,
) -> list[Utterance]:
    """Split one channel's words at pauses longer than `gap_s`.

    Whisper segments can span a 100 s hold, so segment boundaries are never used.
    With `speech` (mono recordings, where turns follow each other closely) words in
    different VAD speech intervals also start new utterances, and so do words on either
    side of a time in `breaks` (where the voice changes inside speech).
    With `heard` (a stereo channel's own speech), the pause between two words is the one
    the VAD heard between their stretches, not the gap between Whisper's word times: the
    last word before a pause is often timed short by a few tenths of a second, which
    split "可以转，需要到户籍地办理" in two and hid the agent's interruption.
    """
    out: list[Utterance] = []
    cur: list[Word] = []
    home = None
    cuts = sorted(breaks or [])
    for w in words:  # Whisper's order is the text order; times may be slightly non-monotonic
        h = _home(w, speech, nearest=True) if speech else None
        mid = (w.start + w.end) / 2
        if cur and (
            _pause(cur[-1], w, max(x.end for x in cur), heard) > gap_s
            or (h is not None and home is not None and h != home)
            or any((cur[-1].start + cur[-1].end) / 2 < t <= mid for t in cuts)
        ):
            out.append(_utt(cur, speaker))
            cur = []
        cur.append(w)
        home = h if h is not None else home
    if cur:
        out.append(_utt(cur, speaker))
    return out


def _utt(words: list[Word], speaker: str) -> Utterance:
    text = to_simplified("".join(w.text for w in words)).strip()
    return Utterance(
        speaker, min(w.start for w in words), max(w.end for w in words), text, tuple(words)
    )


def _pause(prev: Word, w: Word, last_end: float, heard: list[Interval] | None) -> float:
    """Seconds of silence between `prev` (the utterance so far ends at last_end) and `w`:
    the longest pause the VAD heard between their stretches where both words lie in heard
    speech, else the gap between the word times."""
    if heard:
        a, b = _home(prev, heard), _home(w, heard)
        if a is not None and b is not None and b >= a:
            return max((heard[k + 1].start - heard[k].end for k in range(a, b)), default=0.0)
    return w.start - last_end


def _home(w: Word, speech: list[Interval], nearest: bool = False) -> int | None:
    """The speech stretch that holds the word's middle. `nearest`: else the one it overlaps
    most. Whisper times a word at a turn change early or stretched (a mono call's agent
    我不知道, said 13.8-14.5 s, timed 13.0-14.2 s, its middle in the pause): by overlap it
    is the next turn's, and a new utterance starts with it."""
    mid = (w.start + w.end) / 2
    k = next((k for k, iv in enumerate(speech) if iv.start <= mid <= iv.end), None)
    if k is not None or not nearest:
        return k
    return _most_overlapped(w, speech, range(len(speech)))


def _most_overlapped(w: Word, speech: list[Interval], ks: range) -> int | None:
    """Of the stretches `ks`, the one the word overlaps most (the later on a tie); None
    when it overlaps none of them."""
    span = Interval(w.start, w.end)
    lap, k = max(((overlap(span, speech[k]), k) for k in ks), default=(0.0, None))
    return k if lap > 0 else None


def merge_intervals(intervals: list[Interval], join_gap: float = 0.0) -> list[Interval]:
    out: list[Interval] = []
    for iv in sorted(intervals, key=lambda i: i.start):
        if out and iv.start - out[-1].end <= join_gap:
            out[-1] = Interval(out[-1].start, max(out[-1].end, iv.end))
        else:
            out.append(iv)
    return out


def gaps(busy: list[Interval], start: float, end: float) -> list[Interval]:
    """The stretches of [start, end] not covered by `busy` (which must be merged)."""
    out, t = [], start
    for iv in busy:
        if iv.end <= t:
            continue
        if iv.start > t:
            out.append(Interval(t, min(iv.start, end)))
        t = max(t, iv.end)
        if t >= end:
            break
    if t < end:
        out.append(Interval(t, end))
    return [g for g in out if g.end > g.start]


def overlap(a: Interval, b: Interval) -> float:
    return max(0.0, min(a.end, b.end) - max(a.start, b.start))


_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")


def redact(text: str) -> str:
    """Mask ID-card numbers (18 digits) and phone numbers before anything is shown."""
    text = _ID.sub(lambda m: m.group()[:4] + "*" * 10 + m.group()[-4:], text)
    return _PHONE.sub(lambda m: m.group()[:3] + "*" * (len(m.group()) - 5) + m.group()[-2:], text)


def snap_words_to_speech(words: list[Word], speech: list[Interval]) -> list[Word]:
    """Move words that Whisper timed into silence onto the speech they belong to.

    With the VAD filter, faster-whisper concatenates speech chunks, and the first
    word of a chunk is often timed at the end of the previous one ("…帮您查询我" /
    "正在为您查询"). A word lying mostly outside every VAD interval is moved to the
    start of the interval its following word is in (or kept with the previous one).
    """
    if not speech or not words:
        return words

    def home(w: Word) -> int | None:
        dur = max(w.end - w.start, 1e-3)
        for k, iv in enumerate(speech):
            if (
                overlap(Interval(w.start, w.end), iv) >= 0.5 * dur
                or iv.start <= (w.start + w.end) / 2 <= iv.end
            ):
                return k
        return None

    homes = [home(w) for w in words]
    out = list(words)
    for i, w in enumerate(words):
        if homes[i] is not None:
            continue
        nxt = next((homes[j] for j in range(i + 1, len(words)) if homes[j] is not None), None)
        # A stretch between the last homed word's and the next one's that holds no word of
        # its own, and that this word overlaps, is the word's: a mono call's agent says
        # 我不知道 at 13.8-14.6 s between two caller turns, Whisper times it 13.0-14.2 s,
        # and moved on to the next homed word's stretch it became the caller's.
        prev = next((homes[j] for j in range(i - 1, -1, -1) if homes[j] is not None), -1)
        k = _most_overlapped(w, speech, range(prev + 1, len(speech) if nxt is None else nxt))
        if k is not None:
            a = max(w.start, speech[k].start)
            out[i] = Word(round(a, 3), round(max(w.end, a + 0.05), 3), w.text, w.probability)
            homes[i] = k
            continue
        # It belongs to the next stretch if it lies before it, or if it starts after the
        # stretch before has ended (on a mono mix, the first word of the other party's
        # turn is often timed into the pause: "…材料呢大 / 声点").
        after_prev = nxt is not None and (nxt == 0 or w.start >= speech[nxt - 1].end - 1e-3)
        if nxt is not None and (speech[nxt].start >= w.end - 1e-3 or after_prev):
            # the run of homeless words before the next homed word starts that interval
            run = [j for j in range(i, len(words)) if homes[j] is None]
            run = run[: next((n for n, j in enumerate(run) if j != i + n), len(run))]
            t = speech[nxt].start
            for j in run:
                d = max(words[j].end - words[j].start, 0.05)
                out[j] = Word(round(t, 3), round(t + d, 3), words[j].text, words[j].probability)
                homes[j] = nxt
                t += d
    return out


def redact_words(words: list[Word]) -> tuple[list[str], list[tuple[float, float]]]:
    """Redacted word texts and the time spans of the masked numbers.

    Numbers are often split over several words (138 / 1234 / 5678), so matching runs on
    the joined text; masking keeps the length, so the masked text splits back by the
    original word lengths. The spans let clips bleep what the transcript masks.
    """
    texts = [w.text for w in words]
    joined = "".join(texts)
    masked = redact(joined)
    if masked == joined:
        return texts, []
    out, pos = [], 0
    for t in texts:
        out.append(masked[pos : pos + len(t)])
        pos += len(t)
    spans = []
    for rx in (_ID, _PHONE):
        for m in rx.finditer(joined):
            pos, hit = 0, []
            for w, t in zip(words, texts, strict=True):
                if pos < m.end() and m.start() < pos + len(t):
                    hit.append(w)
                pos += len(t)
            if hit:
                spans.append((hit[0].start, hit[-1].end))
    return out, sorted(spans)
