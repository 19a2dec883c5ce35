"""Loads the YAML lexicons and rubric into plain dicts for the pure scorers."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from lexicons import LEXICON_DIR

FILES = ("forbidden", "required", "timing", "matching", "roles", "rubric")
OPTIONAL = ("confidence",)  # fitted by benchmarks/detection.py --fit-confidence


class ConfigError(Exception):
    pass


def lexicon_dir(override: str | None = None) -> Path:
    return Path(override or os.environ.get("HOTLINE_QA_LEXICONS") or LEXICON_DIR)


def load_config(override: str | None = None) -> dict:
    d = lexicon_dir(override)
    out = {}
    for name in FILES:
        p = d / f"{name}.yaml"
        try:
            out[name] = yaml.safe_load(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"lexicon file missing: {p}") from None
        except yaml.YAMLError as e:
            raise ConfigError(f"{p} is not valid YAML: {e}") from None
    for name in OPTIONAL:
        p = d / f"{name}.yaml"
        if p.exists():
            out[name] = yaml.safe_load(p.read_text(encoding="utf-8"))
    return out
