"""Finding ids survive a change of thread layout: the same batch with --workers 1
(one process, 2 ctranslate2 threads) and --workers 2 (2 tasks x 1 thread) gives the same
(finding_id, rule_id) set, though word times differ by hundredths of a second."""

import pytest
from conftest import assert_same_results, read, sample_subset

pytestmark = pytest.mark.e2e


def test_same_ids_with_one_and_two_workers(prefect_harness, tmp_path):
    from hotline_qa.cli import main

    manifest = sample_subset(tmp_path / "batch", ("S02", "S03", "S05"))
    outs = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        assert (
            main(["run", "--manifest", str(manifest), "--out", str(out), "--workers", str(workers)])
            == 0
        )
        outs.append(out)
    ids = [{(f["finding_id"], f["rule_id"]) for f in read(o, "findings")} for o in outs]
    assert ids[0] == ids[1] and len(ids[0]) >= 5
    assert_same_results(*outs)
