from dataclasses import replace

from scorers.rubric import parse_rubric, score_call
from scorers.scorecard import build_scorecards, period_of


def test_default_rubric_has_the_four_areas_and_special_situations(cfg):
    assert [a.name for a in cfg.rubric.areas] == [
        "工作流程",
        "接听礼仪",
        "沟通技巧",
        "特殊情况处理",
        "问题解答",
    ]


def test_clean_call_scores_full_marks_without_manual_items(cfg):
    scale, items = parse_rubric(cfg.rubric)
    s = score_call("c", "a", [], [], scale, items)
    assert s.score == 100 and not s.veto
    assert s.items["answer_accuracy"] is None  # manual: never counted as full marks
    assert "answer_accuracy" in s.manual_items


def test_forbidden_phrase_vetoes_the_call(cfg):
    scale, items = parse_rubric(cfg.rubric)
    assert score_call("c", "a", ["forbidden.17"], [], scale, items).score == 0


def test_veto_is_configurable(cfg):
    spec = replace(
        cfg.rubric,
        areas=tuple(
            replace(a, items=tuple(replace(i, veto=False) for i in a.items))
            for a in cfg.rubric.areas
        ),
    )
    scale, items = parse_rubric(spec)
    s = score_call("c", "a", ["forbidden.17"], [], scale, items)
    assert s.score == 80  # 20 of the 100 automatic points


def test_deduction_cap_and_not_assessable(cfg):
    scale, items = parse_rubric(cfg.rubric)
    three = score_call("c", "a", ["dead_air"] * 3, [], scale, items)
    assert three.items["dead_air"] == 0 and three.score == 90  # capped at the item's 10 points
    mono = score_call("c", "a", [], ["interruption"], scale, items)
    assert mono.items["interruption"] is None and mono.max_points == 90 and mono.score == 100


def test_periods_use_shanghai_time():
    assert period_of("2026-11-27T17:30:00+00:00", "day") == "2026-11-28"
    assert period_of("2026-11-27T09:00:00+08:00", "week") == "2026-W48"


def test_scorecard_trend_and_rank():
    cs = [
        {
            "call_id": "1",
            "agent_id": "a",
            "agent_name": "",
            "team": "t",
            "started_at": "2026-11-26T09:00:00+08:00",
            "score": 80.0,
            "veto": False,
            "items": {},
        },
        {
            "call_id": "2",
            "agent_id": "a",
            "agent_name": "",
            "team": "t",
            "started_at": "2026-11-27T09:00:00+08:00",
            "score": 90.0,
            "veto": False,
            "items": {},
        },
        {
            "call_id": "3",
            "agent_id": "b",
            "agent_name": "",
            "team": "t",
            "started_at": "2026-11-27T10:00:00+08:00",
            "score": 95.0,
            "veto": False,
            "items": {},
        },
    ]
    cards = build_scorecards(cs, [{"call_id": "2", "rule_id": "dead_air", "counted": True}])
    a27 = next(c for c in cards if c["agent_id"] == "a" and c["period"] == "2026-11-27")
    assert a27["trend"] == 10 and a27["rank_in_team"] == 2 and a27["violations"] == {"dead_air": 1}


def test_redaction_masks_id_cards_and_phone_numbers():
    from scorers.utterances import redact

    text = "我的身份证是50010219900101123X，电话13812345678，座机023-61234567"
    red = redact(text)
    assert "19900101" not in red and "12345678" not in red and "61234567" not in red
    assert red.startswith("我的身份证是5001") and "123X" in red


def test_review_decisions_become_benchmark_labels():
    from scorers.evaluation import apply_reviews, compare

    labels = [{"call_id": "c", "rule_id": "forbidden.17", "start_s": 5.0, "end_s": 6.0}]
    findings = [
        {
            "finding_id": "a",
            "call_id": "c",
            "rule_id": "forbidden.17",
            "start_s": 5.1,
            "end_s": 5.9,
        },
        {"finding_id": "b", "call_id": "c", "rule_id": "dead_air", "start_s": 20.0, "end_s": 30.0},
    ]
    before, _, _ = compare(labels, findings)
    assert before["overall"].fp == 1  # the script did not label the dead air
    after, _, _ = compare(
        apply_reviews(labels, findings, {"a": "rejected", "b": "confirmed"}), findings
    )
    assert after["dead_air"].tp == 1 and after["forbidden"].fp == 1 and after["overall"].fn == 0


def test_manual_items_count_once_an_inspector_scores_them(cfg):
    scale, items = parse_rubric(cfg.rubric)
    open_ = score_call("c", "a", [], [], scale, items)
    assert open_.score == 100 and set(open_.manual_items) == {
        "answer_accuracy",
        "forbidden_behaviour",
    }
    half = score_call("c", "a", [], [], scale, items, {"answer_accuracy": {"points": 10}})
    assert half.items["answer_accuracy"] == 10 and half.score == round(110 / 120 * 100, 2)
    assert half.manual_items == ("forbidden_behaviour",)
    over = score_call("c", "a", [], [], scale, items, {"answer_accuracy": {"points": 99}})
    assert over.items["answer_accuracy"] == 20  # clamped to the item's points
    veto = score_call("c", "a", [], [], scale, items, {"forbidden_behaviour": {"violated": True}})
    assert veto.veto and veto.score == 0
    fine = score_call("c", "a", [], [], scale, items, {"forbidden_behaviour": {"violated": False}})
    assert not fine.veto and fine.score == 100
