"""The thin CLI over a finished run: review queue order and the trainers' clip filter."""

import shutil

import pytest
from conftest import read

pytestmark = pytest.mark.e2e


def test_review_queue_puts_veto_hits_first_then_manual_items(night, capsys):
    from pipeline.review import list_queue

    q = list_queue(str(night[0]))
    kinds = [(r["priority"], r["rule_id"]) for r in q]
    assert kinds == sorted(kinds, key=lambda k: k[0])
    assert q[0]["rule_id"].startswith("forbidden.")
    assert q[-1]["kind"] == "manual" and q[-1]["rule_id"] == "forbidden_behaviour"


def test_clips_filter_by_rule_agent_and_date(night, capsys):
    from pipeline.cli import main

    out = str(night[0])
    assert main(["clips", "--out", out, "--rule", "forbidden.*", "--agent", "8001"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert sorted(line.split("\t")[1] for line in lines) == [
        "forbidden.07",
        "forbidden.17",
        "forbidden.18",
    ]
    assert main(["clips", "--out", out, "--since", "2026-11-28"]) == 0
    assert capsys.readouterr().out.strip() == ""


def test_review_of_unknown_finding_is_a_clear_error(night, tmp_path, capsys):
    from pipeline.cli import main

    out = tmp_path / "copy"
    shutil.copytree(night[0], out)
    assert main(["review", "--out", str(out), "--finding", "nope", "--decision", "confirmed"]) == 2
    assert "no finding nope" in capsys.readouterr().err
    assert read(out, "reviews") == []
