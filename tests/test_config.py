"""Typed configuration: the YAML is parsed once into frozen dataclasses, defaults
live in one place, a typo names its file and key, and no module keeps its own fallback."""

import ast
import dataclasses
import shutil
from pathlib import Path

import pytest
import yaml

from lexicons import LEXICON_DIR
from pipeline.inputs.config import load_config
from scorers import config as C

ROOT = Path(__file__).resolve().parents[1]
CONFIGISH = ("cfg", "config", "conf", "load_config")


def _config_keys() -> set[str]:
    keys = set()
    for obj in vars(C).values():
        if isinstance(obj, type) and dataclasses.is_dataclass(obj):
            keys |= {f.name for f in dataclasses.fields(obj)}
    return keys


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):  # load_config(...)["rubric"]
        return _name(node.func)
    return ""


def literal_fallbacks(source: str) -> list[str]:
    """Reads of configuration that bypass the typed Config: `cfg[...]`, `cfg.get(...)` on
    anything named like a config, and `.get("<a config key>", <default>)` anywhere."""
    keys, bad = _config_keys(), []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Subscript) and _name(node.value).lower().endswith(CONFIGISH):
            bad.append(f"line {node.lineno}: {ast.unparse(node)}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr != "get":
                continue
            owner = _name(node.func.value).lower()
            first = node.args[0] if node.args else None
            keyed = isinstance(first, ast.Constant) and first.value in keys
            if owner.endswith(CONFIGISH) or (keyed and len(node.args) > 1):
                bad.append(f"line {node.lineno}: {ast.unparse(node)}")
    return bad


def test_the_check_catches_what_it_is_for():
    assert literal_fallbacks('x = float(vcfg.get("window_s", 1.2))')
    assert literal_fallbacks('x = cfg["timing"]["dead_air"]')
    assert literal_fallbacks('x = parse_rubric(load_config(lexicons)["rubric"])')
    assert literal_fallbacks('gap = m.get("utterance_gap_s", 0.8)')
    assert not literal_fallbacks('x = d.get("clipping")')  # a data row, no fallback
    assert not literal_fallbacks("x = cfg.timing.dead_air.min_gap_s")


def test_no_literal_config_fallback_in_any_layer():
    bad = []
    for layer in ("pipeline", "scorers", "flows", "hotline_qa"):
        for py in sorted((ROOT / layer).rglob("*.py")):
            if py == ROOT / "scorers" / "config.py":
                continue  # the one place the defaults live
            bad += [f"{py.relative_to(ROOT)} {b}" for b in literal_fallbacks(py.read_text())]
    assert bad == []


def test_config_is_typed_frozen_and_hashable():
    cfg = load_config()
    assert isinstance(cfg.timing.dead_air.min_gap_s, float)
    assert cfg.forbidden.entries[0].severity == "critical"  # forbidden.yaml's defaults
    assert cfg.required.entries[0].window.first_utterances == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.timing.dead_air.min_gap_s = 1  # type: ignore[misc]
    assert hash(cfg) == hash(load_config())  # compiled rules are cached on it


def test_defaults_come_from_the_dataclasses():
    assert C.build(C.Roles, {}, "roles.yaml", "") == C.Roles()
    assert C.Roles().voice.window_s == 1.2


def _lexicons(tmp_path: Path) -> Path:
    d = tmp_path / "lex"
    shutil.copytree(LEXICON_DIR, d, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return d


def _edit(d: Path, name: str, fn) -> None:
    p = d / f"{name}.yaml"
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    fn(data)
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_a_typo_names_the_file_and_the_key(tmp_path):
    d = _lexicons(tmp_path)
    _edit(d, "timing", lambda t: t["dead_air"].update(min_gapp_s=t["dead_air"].pop("min_gap_s")))
    with pytest.raises(C.ConfigError) as e:
        load_config(str(d))
    assert "timing.yaml" in str(e.value) and "dead_air" in str(e.value)
    assert "min_gapp_s" in str(e.value)


def test_a_missing_key_and_a_wrong_type_name_the_file_and_the_key(tmp_path):
    d = _lexicons(tmp_path)
    _edit(d, "timing", lambda t: t["hold"]["too_long"].pop("max_lookup_s"))
    with pytest.raises(
        C.ConfigError, match=r"timing\.yaml: missing key 'hold\.too_long\.max_lookup_s'"
    ):
        load_config(str(d))
    d = _lexicons(tmp_path / "2")
    _edit(d, "matching", lambda m: m.update(utterance_gap_s="0.8s"))
    with pytest.raises(C.ConfigError, match=r"matching\.yaml: utterance_gap_s: expected a number"):
        load_config(str(d))


def test_a_closed_set_is_checked_when_the_lexicons_load(tmp_path):
    """A severity or a situational kind outside its set stops the run at start-up."""
    d = _lexicons(tmp_path)
    _edit(d, "timing", lambda t: t["dead_air"].update(severity="majr"))
    want = r"timing\.yaml: dead_air\.severity: expected one of critical, major, minor, got 'majr'"
    with pytest.raises(C.ConfigError, match=want):
        load_config(str(d))
    cfg = load_config()
    assert isinstance(cfg.timing.dead_air.severity, C.Severity)
