"""Mono role assignment: classifier + turn smoothing, on text alone."""

from scorers.roles import assign_roles, smooth_turns
from scorers.types import UNKNOWN, Utterance


def test_smoothing_pulls_a_rude_line_between_caller_turns_towards_the_agent():
    raw = [0.8, 0.2, 0.35, 0.2]  # agent greets, caller, ?, caller
    smoothed = smooth_turns(raw, 0.65)
    assert smoothed[2] > 0.5 > raw[2]
    assert smooth_turns(raw, 0.5) == raw


def test_assign_roles_on_a_scripted_mono_call(rules):
    lines = [
        "您好，请问有什么可以帮您？",
        "我想问一下失业金怎么领。",
        "您需要先到社保经办机构办理失业登记。",
        "好的，谢谢。",
        "感谢您的来电，再见。",
    ]
    utts = [Utterance(UNKNOWN, i * 3.0, i * 3.0 + 2, t) for i, t in enumerate(lines)]
    got = assign_roles(utts, rules.required, rules.roles)
    assert [u.speaker for u in got] == ["agent", "caller", "agent", "caller", "agent"]
    assert all(0.5 <= u.role_confidence <= 1 for u in got)
