"""Reads the YAML lexicons and rubric once into the typed `scorers.config.Config`, and
checks at start-up that the whole set compiles and runs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from lexicons import LEXICON_DIR
from scorers.config import Config, ConfigError, parse_config

FILES = ("forbidden", "required", "timing", "matching", "roles", "rubric")
OPTIONAL = (
    "confidence",
    "sampling",
    "rule_health",
    "situations",
    "intents",
    "manner",
)  # confidence: fitted by detection.py --fit-confidence

__all__ = ["ConfigError", "Config", "lexicon_dir", "lexicon_files", "load_config", "load_raw"]


def lexicon_dir(override: str | None = None) -> Path:
    """The lexicon folder: the one named (`--lexicons`), else the shipped one."""
    return Path(override or LEXICON_DIR)


def lexicon_files(d: Path) -> list[Path]:
    """The files a lexicon folder is made of, those present: what is read, and what a run's
    fingerprint and the config cache key on."""
    return [d / f"{n}.yaml" for n in FILES + OPTIONAL if (d / f"{n}.yaml").exists()]


def load_raw(d: Path) -> dict:
    """The YAML files of a lexicon folder as parsed mappings, by file name."""
    out = {}
    for name in FILES + OPTIONAL:
        p = d / f"{name}.yaml"
        if name in OPTIONAL and not p.exists():
            continue
        try:
            out[name] = yaml.safe_load(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"lexicon file missing: {p}") from None
        except yaml.YAMLError as e:
            raise ConfigError(f"{p} is not valid YAML: {e}") from None
        if not isinstance(out[name], dict):
            raise ConfigError(f"{p} is not a mapping of keys to values")
    return out


_LOADED: dict[tuple[str, str], Config] = {}
KEEP = 4  # lexicon versions kept parsed (a store's rescore, a learned version, the console)


def load_config(override: str | None = None) -> Config:
    """The lexicons, parsed, checked and compiled; kept while their files' bytes stay the
    same (checking them runs the rules and fits the intent model: 3-5 s, which a store's
    rescore and the console's updates would otherwise pay for every night and decision)."""
    d = lexicon_dir(override)
    h = hashlib.sha256()
    for p in lexicon_files(d):
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    key = (str(d.resolve()), h.hexdigest())
    if key in _LOADED:
        _LOADED[key] = _LOADED.pop(key)  # most recently used last
        return _LOADED[key]
    cfg = _load(d)
    _LOADED[key] = cfg
    while len(_LOADED) > KEEP:
        del _LOADED[next(iter(_LOADED))]  # the least recently used
    return cfg


def _load(d: Path) -> Config:
    cfg = parse_config(load_raw(d), str(d))
    for area in cfg.rubric.areas:
        for it in area.items:
            if not it.rules and not it.manual:
                raise ConfigError(f"{d / 'rubric.yaml'}: item {it.id!r} needs rules or manual")
    try:  # everything present and typed: now it must also compile and run on a tiny call
        from scorers.engine import build_rules, smoke_test

        smoke_test(build_rules(cfg))
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise ConfigError(f"lexicons in {d} do not work: {type(e).__name__}: {e}") from None
    return cfg
