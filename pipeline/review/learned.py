"""The trigger model as inspectors teach it: versioned files of reviewed examples beside the
store, the current one merged into the lexicons' corpus by every run and rescore.

    STORE/learned/intents-v0001.yaml, intents-v0002.yaml, ..., CURRENT

A version holds every reviewed example up to its making (verdicts on situational findings
and line labels, `scorers.learning`) and the figures `learn` printed. The model is fitted
from the lexicons' corpus plus the version's examples (deterministic), so a version is all
that needs keeping, and restoring one is naming it in CURRENT.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, datetime

import yaml

from pipeline.store import layout
from pipeline.store.storage import Store
from scorers import learning
from scorers.config import Config

FOLDER = "learned"
CURRENT = "CURRENT"


def folder_for(out: str) -> str:
    """Where a night's learned versions live: beside the nights of a store, else in the
    output folder itself."""
    out = out.rstrip("/")
    key, _, day = os.path.basename(out).partition("=")
    if key == layout.KEY and layout.DAY.match(day):
        return os.path.join(os.path.dirname(out), FOLDER)
    return os.path.join(out, FOLDER)


def versions(folder: str) -> list[str]:
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return []
    return sorted(n[len("intents-") : -len(".yaml")] for n in names if n.startswith("intents-"))


def current(folder: str) -> str | None:
    try:
        with open(os.path.join(folder, CURRENT), encoding="utf-8") as fh:
            return fh.read().strip() or None
    except FileNotFoundError:
        return None


def read(folder: str, version: str) -> dict:
    with open(os.path.join(folder, f"intents-{version}.yaml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def apply(cfg: Config, folder: str) -> Config:
    """The configuration with the current version's examples in its intent corpus."""
    v = current(folder)
    if v is None:
        return cfg
    ex = read(folder, v)["examples"]
    classes = {c: tuple(t) for c, t in (ex.get("classes") or {}).items()}
    return replace(cfg, intents=cfg.intents.with_examples(classes, tuple(ex.get("other") or ())))


def restore(folder: str, version: str) -> None:
    if version not in versions(folder):
        raise ValueError(f"no version {version} in {folder} (there are: {versions(folder)})")
    _write(os.path.join(folder, CURRENT), version + "\n")


def save(folder: str, exs: list[learning.Example], known: set[str], figures: dict) -> str:
    """A new version holding `exs`, made current."""
    have = versions(folder)
    name = f"v{len(have) + 1:04d}"
    classes, other = learning.as_corpus(exs, known)
    doc = {
        "version": name,
        "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "previous": current(folder),
        "examples": {"classes": {c: list(t) for c, t in classes.items()}, "other": list(other)},
        "sources": {"verdict": sum(e.source == "verdict" for e in exs),
                    "label": sum(e.source == "label" for e in exs)},  # fmt: skip
        "figures": figures,
    }
    os.makedirs(folder, exist_ok=True)
    _write(
        os.path.join(folder, f"intents-{name}.yaml"),
        yaml.safe_dump(doc, allow_unicode=True, sort_keys=False),
    )
    _write(os.path.join(folder, CURRENT), name + "\n")
    return name


def _write(path: str, text: str) -> None:
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def reviewed_rows(out: str) -> tuple[list[dict], list[dict], list[dict]]:
    """(findings, reviews, line labels) of a night folder, or of every night of a store."""
    folders = [f for _, f in layout.nights(out)] if layout.is_store(out) else [out]
    got: tuple[list[dict], list[dict], list[dict]] = ([], [], [])
    for f in folders:
        store = Store(f)
        for rows, name in zip(got, ("findings", "reviews", "line_labels"), strict=True):
            rows.extend(store.read_rows(name))
    return got


def learn(out: str, cfg: Config, held_share: float = 0.3) -> dict:
    """Refit the trigger classes on the corpus plus every reviewed example of `out` (a night
    folder or a store); per-class figures before and after on the held-out slice of the
    reviews (whole calls, by hash), with the after model fitted without that slice. Writes a
    new version (fitted on all the examples) and makes it current."""
    folder = folder_for(out)
    findings, reviews, labels = reviewed_rows(out)
    exs = learning.examples(findings, reviews, labels, learning.trigger_classes(cfg.situations))
    if not exs:
        raise ValueError(f"no reviewed situational finding and no labelled line in {out}")
    held = [e for e in exs if learning.held_out(e, held_share)]
    train = [e for e in exs if not learning.held_out(e, held_share)]
    known = set(cfg.intents.classes)
    names = sorted({n for ns in learning.trigger_classes(cfg.situations).values() for n in ns})
    before_cfg = apply(cfg, folder).intents
    after_cfg = cfg.intents.with_examples(*learning.as_corpus(train, known))
    before = learning.measure(held, before_cfg, names) if held else {}
    after = learning.measure(held, after_cfg, names) if held else {}
    figures = {
        c: {"before": list(before[c]), "after": list(after[c])}
        for c in names
        if held and (sum(before[c]) or sum(after[c]))
    }
    name = save(folder, exs, known, figures)
    return {"version": name, "folder": folder, "examples": len(exs), "train": len(train),
            "held": len(held), "figures": figures}  # fmt: skip
