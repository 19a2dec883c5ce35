"""`hotline-qa calibrate`: refit the forbidden-phrase confidence model from the inspectors'
decisions, and show on decisions held back from the fit whether it got better.

Each decided forbidden-phrase finding of a stereo call is one example: its match features
(recomputed from the stored transcript, as the run computed them) and the inspector's
verdict (confirmed 1, rejected 0). Calls are split by a hash of the call id, so the
held-back set is the same on every run and no call is on both sides."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import yaml

from pipeline.inputs.config import Config, lexicon_dir, load_config
from pipeline.publish.outputs import stored_records
from pipeline.store.storage import Store
from scorers import confidence
from scorers.engine import build_rules, forbidden_candidates, view_call

HELD_BACK = 0.3  # share of calls whose decisions only test


@dataclass(frozen=True)
class Example:
    call_id: str
    features: list[float]
    label: int


def examples(out: str, cfg: Config) -> list[Example]:
    store = Store(out)
    decided = {
        (f["call_id"], f["rule_id"], f["start_s"], f["end_s"]): f["review"]
        for f in store.read_rows("findings")
        if f["rule_id"].startswith("forbidden.") and f["review"] in ("confirmed", "rejected")
    }
    if not decided:
        return []
    rules = build_rules(cfg)
    records, _, _ = stored_records(store)
    out_rows = []
    for rec in records:
        if rec.is_rejected or rec.mono:  # match quality only: roles are a separate factor
            continue
        v = view_call(rec.evidence(), rules)
        for u, mt in zip(v.candidates, v.cand_prepared, strict=True):
            for c in forbidden_candidates(u, mt, rules):
                key = (rec.meta.call_id, c.entry.rule_id, round(c.start, 2), round(c.end, 2))
                if key in decided:
                    label = int(decided[key] == "confirmed")
                    out_rows.append(Example(rec.meta.call_id, c.features, label))
    return out_rows


def held_back(call_id: str) -> bool:
    return int(hashlib.sha256(call_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < HELD_BACK


def calibrate(outs: list[str], lexicons: str | None = None, write: bool = False) -> dict:
    """Fit on the decisions of calls not held back; Brier score before (the model in use)
    and after (the refit) on the held-back ones. `write`: fit on all decisions and store
    the model in the lexicons' confidence.yaml (its other keys kept)."""
    cfg = load_config(lexicons)
    ex = [e for out in outs for e in examples(out, cfg)]
    train = [e for e in ex if not held_back(e.call_id)]
    test = [e for e in ex if held_back(e.call_id)]
    res = {"decided": len(ex), "train": len(train), "test": len(test), "written": ""}
    if len({e.label for e in train}) < 2:
        res["error"] = (
            f"{len(train)} decided forbidden-phrase findings outside the held-back calls, "
            "not both confirmed and rejected ones: nothing to fit yet"
        )
        return res
    new = confidence.fit([e.features for e in train], [e.label for e in train])
    xt, yt = [e.features for e in test], [e.label for e in test]
    res["before"] = confidence.brier(xt, yt, cfg.confidence.model)
    res["after"] = confidence.brier(xt, yt, new)
    if write:
        final = confidence.fit([e.features for e in ex], [e.label for e in ex])
        path = lexicon_dir(lexicons) / "confidence.yaml"
        old = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
        doc = {
            **(old or {}),
            "model": {"intercept": final.intercept, "coef": final.coef},
            "candidates": len(ex),
            "positives": sum(e.label for e in ex),
        }
        path.write_text(
            "# Refitted by `hotline-qa calibrate --write` from inspectors' decisions.\n"
            + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
        load_config(lexicons)  # the written file must load
        res["written"] = str(path)
    return res
