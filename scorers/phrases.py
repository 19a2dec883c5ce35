"""ASR-tolerant phrase matching: pinyin alignment with a length-scaled edit budget.

The lexicon entries arrive as plain dicts (parsed YAML); `compile_lexicon` turns
them into `PhraseEntry` objects once, and `match_entry` runs one entry over one
utterance's normalised text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property

import jieba
from rapidfuzz import fuzz

from scorers.config import Matching, PhraseSpec, Window
from scorers.text import normalize, pinyin_tokens

# jieba prints DEBUG lines on every dictionary load (twice, once more through Prefect's log
# handlers); they say nothing an inspector needs.
jieba.setLogLevel(logging.WARNING)

WILDCARD_MAX_CHARS = 8


@dataclass(frozen=True)
class Pattern:
    text: str  # normalised, '*' kept as the wildcard
    parts: tuple[str, ...]
    part_tokens: tuple[str, ...]
    syllables: int
    allowed_edits: int
    boundary_check: bool
    token_set: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PhraseEntry:
    id: str
    norm: str
    patterns: tuple[Pattern, ...]
    rule_id: str | None = None
    severity: str = "minor"
    window: Window = field(default_factory=Window)
    exact: bool = False
    # The same said in other words: a word of each group (pinyin tokens, `sounds`) in one
    # utterance. Empty: the patterns alone.
    in_other_words: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Match:
    entry_id: str
    pattern: str
    start_char: int
    end_char: int  # exclusive
    similarity: float  # 0..100 on pinyin tokens
    matched_text: str
    syllables: int = 0
    within_tolerance: bool = True  # False only for near misses found with slack


@dataclass
class MatchText:
    """One utterance prepared for matching: normalised text, tokens and word boundaries.

    jieba segmentation is the costly part and only short patterns need it, so word
    boundaries are computed on first use.
    """

    norm: str
    tokens: str
    segmenter: Segmenter | None = None
    token_set: frozenset[str] = frozenset()

    @cached_property
    def boundaries(self) -> frozenset[int]:
        if self.segmenter is None:
            return frozenset(range(len(self.norm) + 1))
        return self.segmenter.boundaries(self.norm)

    @cached_property
    def dictionary_boundaries(self) -> frozenset[int]:
        """Word edges where only dictionary words join characters: a garbled stretch (交射保)
        stays single characters, so a sound heard in it still starts a word."""
        if self.segmenter is None:
            return frozenset(range(len(self.norm) + 1))
        return self.segmenter.boundaries(self.norm, hmm=False)


class Segmenter:
    """A private jieba tokenizer with the domain dictionary (no global jieba state)."""

    def __init__(self, domain_words: list[str] | tuple[str, ...] = ()):
        self._tk = jieba.Tokenizer()
        for w in domain_words:
            self._tk.add_word(w)

    def is_word(self, text: str) -> bool:
        """A word of jieba's dictionary (or the domain's)."""
        self._tk.check_initialized()
        return self._tk.FREQ.get(text, 0) > 0

    def boundaries(self, norm_text: str, hmm: bool = True) -> frozenset[int]:
        out, pos = {0}, 0
        for piece in self._tk.cut(norm_text, HMM=hmm):
            pos += len(piece)
            out.add(pos)
        return frozenset(out)


def prepare(text: str, segmenter: Segmenter | None = None) -> MatchText:
    norm = normalize(text)
    tokens = pinyin_tokens(norm)
    return MatchText(norm, tokens, segmenter, frozenset(tokens))


def allowed_edits(syllables: int, tolerance: list[list[int]]) -> int:
    for max_syl, edits in tolerance:
        if syllables <= max_syl:
            return edits
    return tolerance[-1][1]


def compile_pattern(raw: str, tolerance: list[list[int]], boundary_max: int) -> Pattern:
    parts = tuple(normalize(p) for p in raw.split("*"))
    parts = tuple(p for p in parts if p)
    syl = sum(len(p) for p in parts)
    return Pattern(
        text="*".join(parts),
        parts=parts,
        part_tokens=tuple(pinyin_tokens(p) for p in parts),
        syllables=syl,
        allowed_edits=allowed_edits(syl, tolerance),
        boundary_check=syl <= boundary_max,
        token_set=frozenset("".join(pinyin_tokens(p) for p in parts)),
    )


def compile_entries(specs: tuple[PhraseSpec, ...], matching: Matching) -> list[PhraseEntry]:
    """Lexicon entries with their patterns compiled for matching. A forbidden entry is its
    own rule (its id); a required entry is one only where it names a rule_id."""
    tol, bmax = matching.tolerance, matching.boundary_check_max_syllables
    return [
        PhraseEntry(
            id=e.id,
            norm=e.norm,
            patterns=tuple(compile_pattern(p, tol, bmax) for p in e.patterns),
            rule_id=e.rule_id or (e.id if e.id.startswith("forbidden.") else None),
            severity=e.severity,
            window=e.window,
            exact=e.exact,
            in_other_words=tuple(sounds(g) for g in e.in_other_words),
        )
        for e in specs
    ]


def sounds(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words as the pinyin tokens `sounds_in` looks for."""
    return tuple(pinyin_tokens(normalize(w)) for w in words)


def sounds_in(tokens: str, within: str, edits: int = 0) -> bool:
    """`tokens` (pinyin, two per character) said somewhere in `within`, on a character edge.
    `edits`: a word of two characters or more may differ in that many tokens (an initial or
    a final: a near-homophone)."""
    i = within.find(tokens)
    while i != -1:
        if i % 2 == 0:
            return True
        i = within.find(tokens, i + 1)
    if edits <= 0 or len(tokens) < 4:
        return False
    return any(True for _ in _near(tokens, within, edits))


def _near(tokens: str, within: str, edits: int):
    """Where in `within` (token offsets, on character edges) `tokens` is heard with at most
    `edits` tokens changed."""
    n = len(tokens)
    for j in range(0, len(within) - n + 1, 2):
        if sum(a != b for a, b in zip(tokens, within[j : j + n], strict=True)) <= edits:
            yield j


def sounds_at_word(tokens: str, mt: MatchText) -> bool:
    """`tokens` said where no dictionary word hides its start: 失业 is not said in
    不是也找你们 (是 ends the word 不是), and is in 施业金 and 交射保's 射保."""
    i = mt.tokens.find(tokens)
    while i != -1:
        if i % 2 == 0 and i // 2 in mt.dictionary_boundaries:
            return True
        i = mt.tokens.find(tokens, i + 1)
    return False


def names_all(
    groups: tuple[tuple[str, ...], ...], mt: MatchText, edits: int = 0, short: bool = False
) -> bool:
    """A word of each group (`sounds`) is said: Whisper's homophones count, and with `edits`
    its near-homophones that stand as a garbled word of their own (the heard characters begin
    and end on word edges and are no dictionary word: 窝郎废 names 窝囊废). Two syllables one
    token off are everywhere in speech (我爸 is one off 王八, 要报 off 草包, 啥子 off 傻逼), so a
    word of two syllables is named so only with `short` (the caller of this is sure on other
    evidence), and only where the segmenter makes the heard pair one word (丑货 for 蠢货)."""
    return all(any(_names(w, mt, edits, short) for w in g) for g in groups)


def _names(tokens: str, mt: MatchText, edits: int, short: bool) -> bool:
    if sounds_in(tokens, mt.tokens):
        return True
    if edits <= 0 or len(tokens) < (4 if short else 6):
        return False
    n = len(tokens)
    for j in _near(tokens, mt.tokens, edits):
        if mt.segmenter is None:
            return True
        lo, hi = j // 2, (j + n) // 2
        edges = mt.boundaries
        one_word = n > 4 or not any(k in edges for k in range(lo + 1, hi))
        if lo in edges and hi in edges and one_word and not mt.segmenter.is_word(mt.norm[lo:hi]):
            return True
    return False


def _align_part(part_tokens: str, edits: int, text_tokens: str, lo_tok: int, hi_tok: int):
    """Best window of `text_tokens[lo:hi]` for one pattern part, or None if over budget."""
    hay = text_tokens[lo_tok:hi_tok]
    n = len(part_tokens)
    if len(hay) < n - 2 * edits or n == 0:
        return None
    cutoff = 100.0 * (1 - edits / n) * (1 - 1e-9) if edits else 100.0
    if len(hay) <= n:
        score = fuzz.ratio(part_tokens, hay)
        return (score, lo_tok, hi_tok) if score >= cutoff else None
    al = fuzz.partial_ratio_alignment(part_tokens, hay, score_cutoff=cutoff)
    if al is None:
        return None
    return al.score, lo_tok + al.dest_start, lo_tok + al.dest_end


def match_pattern(pat: Pattern, mt: MatchText, slack: int = 0) -> tuple[float, int, int] | None:
    """(similarity, start_char, end_char) of the pattern in the prepared text.

    `slack` widens the edit budget: the benchmark uses it to collect near misses as
    negative examples for the confidence model.
    """
    edits = pat.allowed_edits + slack
    # Necessary condition, cheap: every distinct pattern token missing from the text costs
    # at least one edit (per wildcard part at most `edits`). Skips most patterns at once.
    if len(pat.token_set - mt.token_set) > edits * len(pat.parts):
        return None
    if edits == 0:
        # No tolerance: exact pinyin (homophones allowed), found by plain search.
        starts = _exact_starts(pat, mt)
        return starts[0] if starts else None
    lo, total_score, start = 0, 0.0, None
    for i, toks in enumerate(pat.part_tokens):
        hi = (
            len(mt.tokens)
            if i == 0
            else min(len(mt.tokens), lo + 2 * WILDCARD_MAX_CHARS + len(toks) + 2 * edits)
        )
        got = _align_part(toks, edits, mt.tokens, lo, hi)
        if got is None:
            return None
        score, s_tok, e_tok = got
        if start is None:
            start = s_tok // 2
        total_score += score * len(toks)
        lo = (e_tok + 1) // 2 * 2
    end = lo // 2
    sim = total_score / sum(len(t) for t in pat.part_tokens)
    if pat.boundary_check and not (start in mt.boundaries and end in mt.boundaries):
        return None
    return sim, start, end


def _exact_starts(pat: Pattern, mt: MatchText) -> list[tuple[float, int, int]]:
    out = []
    first = pat.part_tokens[0]
    pos = mt.tokens.find(first)
    while pos != -1:
        if pos % 2 == 0:
            s, e = pos // 2, (pos + len(first)) // 2
            ok = True
            for toks in pat.part_tokens[1:]:
                window = mt.tokens[2 * e : 2 * e + 2 * WILDCARD_MAX_CHARS + len(toks)]
                j = window.find(toks)
                while j != -1 and j % 2:
                    j = window.find(toks, j + 1)
                if j == -1:
                    ok = False
                    break
                e = e + j // 2 + len(toks) // 2
            if ok and (not pat.boundary_check or (s in mt.boundaries and e in mt.boundaries)):
                out.append((100.0, s, e))
                return out
        pos = mt.tokens.find(first, pos + 1)
    return out


def match_entry(entry: PhraseEntry, mt: MatchText, slack: int = 0) -> Match | None:
    """The best (most similar, then longest) pattern of the entry found in the text."""
    best: Match | None = None
    for pat in entry.patterns:
        if entry.exact:
            i = mt.norm.find(pat.text)
            got = (100.0, i, i + len(pat.text)) if i >= 0 and "*" not in pat.text else None
        else:
            got = match_pattern(pat, mt, slack)
        if got is None:
            continue
        sim, s, e = got
        within = True
        if slack:  # a near miss found only thanks to the slack is outside the normal budget
            n = sum(len(t) for t in pat.part_tokens)
            within = sim >= 100.0 * (1 - pat.allowed_edits / n) * (1 - 1e-9) if n else True
        cand = Match(entry.id, pat.text, s, e, round(sim, 2), mt.norm[s:e], pat.syllables, within)
        if best is None or (cand.similarity, len(cand.pattern)) > (
            best.similarity,
            len(best.pattern),
        ):
            best = cand
    return best


def exact_match_entry(entry: PhraseEntry, norm_text: str) -> bool:
    """The naive baseline the benchmark compares against: plain substring search."""
    return any(
        (p.text in norm_text) if "*" not in p.text else all(part in norm_text for part in p.parts)
        for p in entry.patterns
    )
