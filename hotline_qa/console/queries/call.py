"""One call's page (通话): both parties' turns, the findings with their decisions and
appeals, the timeline's lanes, the machine's score beside the score after review.

The view holds seconds and decibels; where they land on the page (percent of the call,
SVG coordinates) the template decides."""

from __future__ import annotations

from dataclasses import dataclass

from hotline_qa.console.queries.store import ConsoleData
from pipeline.review.appeals import fold as appeal_fold
from scorers import manner
from scorers.rubric import RubricItem, score_call
from scorers.situations import evidence_parts
from scorers.types import RuleFamily

# Timed findings of these families are marks on the call's timeline.
TIMELINE_FAMILIES = (RuleFamily.TIMING, RuleFamily.MANNER)
# Findings marked on the agent's own words in the transcript: what the agent said, how it
# was said, and the words that cut the caller off.
WORD_FAMILIES = (RuleFamily.FORBIDDEN, RuleFamily.MANNER)
WORD_RULES = ("interruption",)


def family(f: dict) -> str:
    """A finding's rule family: stored with it; read from the rule id for a night judged
    before the family was stored."""
    if f.get("family"):
        return f["family"]
    head = f["rule_id"].split(".")[0]
    known = {x.value for x in RuleFamily}
    return head if head in known else {"greeting": "required", "closing": "required",
                                       "polite": "required"}.get(head, "timing")  # fmt: skip


@dataclass(frozen=True)
class CallView:
    call: dict  # the calls.parquet row
    night_index: int
    findings: list[dict]  # findings rows, with rule_name, appeal, decision, parts
    utterances: list[dict]  # with label, situation marks and the findings on each line
    speech: dict[str, list[tuple[float, float]]]  # speaker -> own speech, seconds
    holds: list[tuple[float, float]]  # the CTI's holds, seconds
    marks: list[dict]  # the timeline's marks: start_s, end_s, rule, part
    loudness: dict[str, list[tuple[float, float]]]  # channel -> (second, dBFS) steps
    duration: float
    score: dict | None
    score_before: float | None
    manual: dict[str, dict]
    manual_items: list[RubricItem]
    warnings: list[str]
    items: dict[str, float]
    label_names: dict[str, str]
    loud_floor_db: float = -60.0  # the loudness lanes' bottom (dBFS); 0 dBFS is the top


def view(db: ConsoleData, call_id: str) -> CallView | None:
    """One call's page: its turns, findings, timeline lanes, scores and manual items."""
    night = db.night_of(call_id)
    if night is None:
        return None
    call = night.rows("calls", call_id)[0]
    appealed = {a["finding_id"]: a for a in appeal_fold(night.rows("appeals"))
                if a["kind"] == "finding" and a["call_id"] == call_id}  # fmt: skip
    decided = {r["finding_id"]: r for r in sorted(night.rows("reviews", call_id),
                                                   key=lambda r: r["decided_at"])}  # fmt: skip
    findings = [
        {
            **f,
            "rule_name": db.rule_name(f["rule_id"]),
            "appeal": appealed.get(f["finding_id"]),
            "decision": decided.get(f["finding_id"]),
            "parts": situation_parts(f),
        }
        for f in night.rows("findings", call_id)
    ]
    utts = sorted(night.rows("utterances", call_id), key=lambda u: u["start_s"])
    labels = {}
    for r in sorted(night.rows("line_labels", call_id), key=lambda r: r["decided_at"]):
        labels[round(r["start_s"], 2)] = r
    for u in utts:
        u["label"] = labels.get(round(u["start_s"], 2))
        # A situation's trigger and the agent's response window, marked on their lines.
        u["situation"] = sorted({
            p["kind"] for f in findings for p in f["parts"]
            if p["start_s"] < u["end_s"] and u["start_s"] < p["end_s"]
        })  # fmt: skip
        # Findings are against the agent: the caller's turn beside one is not marked.
        u["hits"] = (
            []
            if u["speaker"] == "caller"
            else [
                f["finding_id"]
                for f in findings
                if f["start_s"] is not None
                and f["start_s"] < u["end_s"] + 0.05
                and u["start_s"] < f["end_s"] + 0.05
                and (family(f) in WORD_FAMILIES or f["rule_id"] in WORD_RULES)
            ]
        )
    speech: dict[str, list[tuple[float, float]]] = {}
    for s in night.rows("speech", call_id):
        speech.setdefault(s["speaker"], []).append((s["start_s"], s["end_s"]))
    score = next(iter(night.rows("call_scores", call_id)), None)
    manual = {
        m["item_id"]: m
        for m in sorted(night.rows("manual_scores", call_id), key=lambda m: m["decided_at"])
    }
    dur = call["duration_s"] or max([u["end_s"] for u in utts] or [1.0])
    return CallView(
        call=call,
        night_index=night.index,
        findings=findings,
        utterances=utts,
        speech=speech,
        holds=[(a, b) for a, b in call["holds"] or []],
        marks=timeline_marks(findings),
        loudness={
            k: loudness_steps(v, manner.HOP_S) for k, v in (call.get("level_track") or {}).items()
        },
        duration=dur,
        score=score,
        score_before=machine_score(db, call, findings),
        manual=manual,
        manual_items=[it for it in db.items if it.manual],
        warnings=list(call["warnings"] or []),
        items=(score["items"] or {}) if score else {},
        label_names={**db.cfg.intents.names, "none": "不是以上情况"},
    )


def machine_score(db: ConsoleData, call: dict, findings: list[dict]) -> float | None:
    """The call's score before any inspector's decision or manual score: sure findings
    deduct, 待确认 ones wait for a verdict."""
    if call["status"] == "rejected":
        return None
    cs = score_call(
        call["call_id"],
        call["agent_id"],
        [f["rule_id"] for f in findings if not f.get("pending")],
        list(call["not_assessable"] or []),
        db.scale,
        db.items,
        triggered=list(call.get("situations") or []),
    )
    return cs.score


def loudness_steps(
    track: list[float] | None, hop_s: float, n: int = 400
) -> list[tuple[float, float]]:
    """A channel's loudness track cut to at most n steps, each its loudest frame: (second,
    dBFS) pairs, what the page draws."""
    if not track:
        return []
    step = max(1, -(-len(track) // n))
    return [(i * hop_s, max(track[i : i + step])) for i in range(0, len(track), step)]


def timeline_marks(findings: list[dict]) -> list[dict]:
    """The call's timeline: a mark per timed finding, and a situation's trigger and the
    agent's response window side by side."""
    marks = [
        {
            "finding_id": f["finding_id"],
            "rule_id": f["rule_id"],
            "rule_name": f["rule_name"],
            "start_s": f["start_s"],
            "end_s": f["end_s"],
            "review": f["review"],
            "part": "",
        }
        for f in findings
        if f["start_s"] is not None and family(f) in TIMELINE_FAMILIES
    ]
    return marks + [
        {
            "finding_id": f["finding_id"],
            "rule_id": f["rule_id"],
            "rule_name": f"{f['rule_name']} · {p['label']}",
            "start_s": p["start_s"],
            "end_s": p["end_s"],
            "review": f["review"],
            "part": p["kind"],
        }
        for f in findings
        for p in f["parts"]
    ]


def situation_parts(f: dict) -> list[dict]:
    """A situational finding as the inspector judges it: what set the situation off (the
    caller's words, or the silence) and what the agent said in the window the norm gives,
    each its own span of the call to play. Empty for the other rules."""
    start, mid, end = f.get("start_s"), f.get("trigger_end_s"), f.get("end_s")
    if start is None or mid is None or end is None:
        return []
    said, answer = evidence_parts(f.get("evidence") or "", f.get("response_evidence"))
    return [
        {"kind": "trigger", "label": "触发 trigger", "start_s": start, "end_s": mid,
         "text": said},
        {"kind": "window", "label": "坐席应答窗口 the agent's response window", "start_s": mid,
         "end_s": max(end, mid + 0.5), "text": answer or "（坐席无应答）"},
    ]  # fmt: skip
