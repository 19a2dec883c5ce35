"""run == rescore: rescoring a night with unchanged lexicons gives the same
findings, ids and scores, on a call whose transcript holds a phone number. The rules read
the unredacted transcript in both; people only ever see it masked.

tests/data/pii_call is `python -m benchmarks.synth.long_calls pii`: the caller gives an
ID-card and a phone number, the agent repeats the phone number, then says a forbidden phrase.
"""

import shutil
from pathlib import Path

import pytest
from conftest import read

pytestmark = pytest.mark.e2e
DATA = Path(__file__).parent / "data" / "pii_call"
PHONE = "13812345678"


def test_rescore_with_unchanged_lexicons_equals_the_run(prefect_harness, tmp_path):
    from hotline_qa.cli import main
    from pipeline.publish.outputs import stored_records
    from pipeline.store.storage import Store

    out = tmp_path / "out"
    assert main(["run", "--manifest", str(DATA / "manifest.csv"), "--out", str(out)]) == 0
    run = {n: read(out, n) for n in ("findings", "call_scores", "calls", "internal_utterances")}
    # Redaction happens on the way out only.
    assert any(PHONE in u["text"] for u in run["internal_utterances"])
    published = read(out, "utterances")
    assert published and not any(PHONE in u["text"] for u in published)
    assert not any(PHONE in w["text"] for u in published for w in u["words"])
    records, _, _ = stored_records(Store(str(out)))
    assert any(PHONE in u.text for r in records for u in r.utterances)

    copy = tmp_path / "rescored"
    shutil.copytree(out, copy)
    assert main(["rescore", "--out", str(copy)]) == 0
    for name, rows in run.items():
        again = read(copy, name)
        if name == "calls":  # rescoring transcribes nothing
            rows = [
                {**r, "asr_cached": True, "asr_seconds": 0.0, "stage_seconds": {}} for r in rows
            ]
        assert again == rows, name
    assert {f["rule_id"] for f in run["findings"]} >= {"forbidden.15"}
