"""Learning from inspectors: verdicts and line labels become trigger-class examples; a
refit on them changes what the model says; versions are kept and can be restored."""

from __future__ import annotations

from pipeline.inputs.config import load_config
from pipeline.review import learned
from scorers import intents, learning
from scorers.situations import EVIDENCE_SEP


def _finding(fid, call, rule, text):
    return {"finding_id": fid, "call_id": call, "rule_id": rule,
            "evidence": f"来电：{text}{EVIDENCE_SEP}坐席应答：您要问什么"}  # fmt: skip


def _review(fid, decision, at="2026-12-08T10:00:00"):
    return {"finding_id": fid, "decision": decision, "decided_at": at}


CLASSES = {"situation.complaint.no_apology": ("complaint", "complaint_insist"),
           "situation.upset.no_comfort": ("upset",)}  # fmt: skip


def test_verdicts_and_labels_become_examples():
    findings = [
        _finding("f1", "c1", "situation.complaint.no_apology", "你们这服务硬是要不得"),
        _finding("f2", "c2", "situation.upset.no_comfort", "这个手续有点恼火哦"),
        _finding("f3", "c3", "situation.upset.no_comfort", "还没人看过"),
        _finding("f4", "c4", "dead_air", "x"),
    ]
    reviews = [_review("f1", "rejected", "2026-12-08T09:00"), _review("f1", "confirmed"),
               _review("f2", "rejected"), _review("f4", "confirmed")]  # fmt: skip
    labels = [{"call_id": "c5", "start_s": 3.0, "text": "等得我好造孽哦", "label": "wait",
               "decided_at": "2026-12-08T10:00"}]  # fmt: skip
    got = {(e.text, e.label, e.source) for e in learning.examples(findings, reviews, labels, CLASSES)}
    assert got == {
        ("你们这服务硬是要不得", "complaint", "verdict"),  # the latest verdict wins
        ("这个手续有点恼火哦", learning.NONE, "verdict"),
        ("等得我好造孽哦", "wait", "label"),
    }


def test_the_held_out_slice_is_whole_calls_and_stable():
    exs = [learning.Example(f"t{i}", "none", f"call{i % 7}", "label") for i in range(70)]
    held = {e.call_id for e in exs if learning.held_out(e, 0.5)}
    assert held == {e.call_id for e in exs if learning.held_out(e, 0.5)}
    assert all(learning.held_out(e, 0.5) == (e.call_id in held) for e in exs)
    assert not any(learning.held_out(e, 0.0) for e in exs)


def test_a_refit_on_reviewed_lines_changes_the_classes_and_a_version_can_be_restored(tmp_path):
    cfg = load_config()
    angry, calm = "我心头冒火得很", "我快急死了，孩子明天上学要社保证明"
    exs = [learning.Example(angry + s, "upset", f"c{i}", "label")
           for i, s in enumerate(("", "，你们到底管不管", "，跑了三趟了"))]  # fmt: skip
    exs += [learning.Example(calm.replace("上学", w), learning.NONE, f"d{i}", "verdict")
            for i, w in enumerate(("上学", "报名", "入学", "转学"))]  # fmt: skip
    th = cfg.intents.threshold_for
    p0 = intents.probabilities([angry, calm], cfg.intents)
    assert p0[0]["upset"] < th("upset") <= p0[1]["upset"]  # a miss and a false trigger
    folder = str(tmp_path / "learned")
    v1 = learned.save(folder, exs[:1], set(cfg.intents.classes), {})
    v2 = learned.save(folder, exs, set(cfg.intents.classes), {})
    assert (v1, v2, learned.current(folder)) == ("v0001", "v0002", "v0002")
    taught = learned.apply(cfg, folder)
    p1 = intents.probabilities([angry, calm], taught.intents)
    assert p1[0]["upset"] >= th("upset") > p1[1]["upset"]
    learned.restore(folder, "v0001")
    assert learned.current(folder) == "v0001"
    assert len(learned.apply(cfg, folder).intents.other) == len(cfg.intents.other)


def test_learned_versions_live_beside_a_stores_nights():
    assert learned.folder_for("/s/date=2026-12-08") == "/s/learned"
    assert learned.folder_for("/s/date=2026-12-08/") == "/s/learned"
    assert learned.folder_for("/tmp/out") == "/tmp/out/learned"
