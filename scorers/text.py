"""Text normalisation and the pinyin token form used by the matcher."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from opencc import OpenCC
from pypinyin import Style, pinyin

_T2S = OpenCC("t2s")
_DROP = re.compile(r"[\W_]+", re.UNICODE)
_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """Simplified characters, half-width forms, lower case, no punctuation or spaces.

    Whisper mixes Traditional characters into Mandarin output (勞动), and full-width
    forms and punctuation vary between runs, so every comparison starts here.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _T2S.convert(text)
    return _DROP.sub("", text).lower()


def to_simplified(text: str) -> str:
    """Traditional → Simplified only, punctuation kept: for display."""
    return _T2S.convert(text)


# Each distinct initial / final becomes one private-use character, so a syllable is
# exactly two characters and rapidfuzz's C alignment runs on them.
_CODES: dict[str, str] = {}


def _code(token: str) -> str:
    c = _CODES.get(token)
    if c is None:
        c = chr(0xE000 + len(_CODES))
        _CODES[token] = c
    return c


@lru_cache(maxsize=65536)
def _char_tokens(ch: str) -> str:
    if not _HAN.match(ch):
        return _code("#" + ch) + _code("#")
    ini = pinyin(ch, style=Style.INITIALS, strict=False)[0][0]
    fin = pinyin(ch, style=Style.FINALS, strict=False)[0][0]
    return _code("i" + ini) + _code("f" + fin)


def pinyin_tokens(norm_text: str) -> str:
    """Two tokens (initial, final; tones dropped) per character of normalised text.

    Homophone errors (嘛→吗, 问→闻) become identical, near-homophones (事→数, 机→金)
    differ in one token, which the length-scaled tolerance then absorbs.
    Context-free per-character readings keep the index mapping exact (2 tokens = 1 char).
    """
    return "".join(_char_tokens(ch) for ch in norm_text)
