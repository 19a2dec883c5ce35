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


# Keys every night needs, per file ("a.b" = key b inside a): a typo is an error at start-up
# that names the file and the key, never a KeyError in the middle of a night.
REQUIRED_KEYS = {
    "forbidden": ("entries",),
    "required": ("entries",),
    "timing": (
        "interruption.rule_id",
        "interruption.min_overlap_s",
        "interruption.min_chars",
        "interruption.delay_s",
        "hold.too_long.rule_id",
        "hold.too_long.max_lookup_s",
        "hold.no_checkin.rule_id",
        "hold.no_checkin.checkin_after_s",
        "hold.no_request.rule_id",
        "hold.no_request.lookback_s",
        "hold.min_silence_s",
        "hold.cti_join_gap_s",
        "dead_air.rule_id",
        "dead_air.min_gap_s",
        "answer.rule_id",
        "answer.max_ring_s",
        "speech_rate.rule_id",
        "speech_rate.min_cpm",
        "speech_rate.max_cpm",
        "speech_rate.min_chars",
        "hangup.rule_id",
        "recording_quality.min_snr_db",
        "recording_quality.max_clipping",
        "recording_quality.max_echo_db",
        "recording_quality.rules",
    ),
    "matching": ("tolerance",),
    "rubric": ("areas",),
}
ENTRY_KEYS = {"forbidden": ("id", "patterns"), "required": ("id", "patterns")}


def validate(cfg: dict, d: Path) -> None:
    """Required keys present, entries complete, and the whole set compiles and runs."""
    for name, keys in REQUIRED_KEYS.items():
        for key in keys:
            node = cfg.get(name)
            for part in key.split("."):
                node = node.get(part) if isinstance(node, dict) else None
            if node is None:
                raise ConfigError(f"{d / (name + '.yaml')}: missing key '{key}'")
    for name, keys in ENTRY_KEYS.items():
        for k, e in enumerate(cfg[name]["entries"]):
            missing = [x for x in keys if not isinstance(e, dict) or x not in e]
            if missing:
                raise ConfigError(
                    f"{d / (name + '.yaml')}: entry {k + 1} "
                    f"({e.get('id', '?') if isinstance(e, dict) else e!r}) lacks {', '.join(missing)}"
                )
    for area in cfg["rubric"]["areas"]:
        for it in area.get("items", []):
            if "id" not in it or ("rules" not in it and not it.get("manual")):
                raise ConfigError(f"{d / 'rubric.yaml'}: item {it!r} needs an id and rules")
    try:  # everything present: now it must also compile and run on a tiny call
        from scorers.engine import build_rules, smoke_test
        from scorers.rubric import parse_rubric

        parse_rubric(cfg["rubric"])
        smoke_test(build_rules(cfg))
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise ConfigError(f"lexicons in {d} do not work: {type(e).__name__}: {e}") from None


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
        if not isinstance(out[name], dict):
            raise ConfigError(f"{p} is not a mapping of keys to values")
    for name in OPTIONAL:
        p = d / f"{name}.yaml"
        if p.exists():
            out[name] = yaml.safe_load(p.read_text(encoding="utf-8"))
    validate(out, d)
    return out


def rule_names(cfg: dict) -> dict[str, str]:
    """rule_id -> the name people read (Chinese), from the lexicons: a forbidden phrase's
    number and official wording, the `name` of required entries and timing rules."""
    out = {}
    for e in cfg["forbidden"]["entries"]:
        out[e["id"]] = f"服务禁语{e['id'].split('.')[-1]}「{e['norm']}」"
    for e in cfg["required"]["entries"]:
        if e.get("rule_id"):
            out[e["rule_id"]] = e.get("name", e["rule_id"])

    def walk(node):
        if isinstance(node, dict):
            if "rule_id" in node:
                out[node["rule_id"]] = node.get("name", node["rule_id"])
            for v in node.values():
                walk(v)

    walk(cfg["timing"])
    return out
