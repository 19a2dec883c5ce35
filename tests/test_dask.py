"""Scale-out: the same flow through prefect-dask on a real distributed.LocalCluster (2 worker
processes), reading recordings and writing outputs through file:// URIs; the same findings,
ids and scores as the local run."""

import pytest
from conftest import assert_same_results, sample_subset

pytestmark = pytest.mark.e2e
CALLS = ("S02", "S04", "S06")


def test_dask_cluster_matches_local_run(night, prefect_harness, tmp_path):
    from distributed import Client, LocalCluster
    from prefect_dask import DaskTaskRunner

    from flows.nightly import nightly

    batch = tmp_path / "batch"
    sample_subset(batch, CALLS)
    out_uri = f"file://{tmp_path / 'out'}"
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        flow = nightly.with_options(task_runner=DaskTaskRunner(address=cluster.scheduler_address))
        # Recordings and outputs both through filesystem URIs, as workers on several hosts would use them.
        summary = flow(manifest=f"file://{batch / 'manifest.csv'}", out=out_uri, workers=2)
        with Client(cluster) as client:
            loads = client.run(
                lambda: (
                    __import__("pipeline.speech.asr", fromlist=["x"])
                    ._load_model.cache_info()
                    .misses
                )
            )
    assert summary["transcribed"] == 3 and summary["rejected"] == 0
    # ASR ran on the workers, each loading the model at most once (never pickled).
    assert sum(loads.values()) >= 1 and all(v <= 1 for v in loads.values())

    # One thread per worker here, two in the local run: the same findings, ids and scores,
    # times within a tolerance (ctranslate2 is not bit-identical across thread layouts).
    assert_same_results(tmp_path / "out", night[0], CALLS)
