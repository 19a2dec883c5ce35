import os
import sys
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"  # nothing is downloaded at run time, ever
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "recordings_sample"
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def cfg():
    from pipeline.config import load_config

    return load_config()


@pytest.fixture(scope="session")
def rules(cfg):
    from scorers.engine import build_rules

    return build_rules(cfg)


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def night(prefect_harness, tmp_path_factory):
    """One real nightly run on recordings_sample/: real audio, real model, real Prefect flow."""
    from flows.nightly import nightly

    out = tmp_path_factory.mktemp("night")
    summary = nightly(manifest=str(SAMPLE / "manifest.csv"), out=str(out))
    return out, summary


def read(out, name):
    from pipeline.storage import Store

    return Store(str(out)).read_rows(name)
