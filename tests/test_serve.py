"""The nightly deployment: `hotline-qa serve --cron ... --manifest '.../{date}/manifest.csv'`
reads each night's own export. The deployment `serve` registers is built and its parameters
run through the real flow, on a store, with yesterday's export and a decoy for today."""

from __future__ import annotations

import csv
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pipeline.inputs.manifest import night_export, night_manifest, previous_night

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "recordings_sample"


def test_previous_night_is_the_day_before_in_shanghai() -> None:
    # 02:00 in Shanghai is 18:00 UTC the day before: the night is the Shanghai day before.
    assert previous_night(datetime(2026, 12, 7, 18, 0, tzinfo=UTC)) == "2026-12-07"
    assert previous_night(datetime(2026, 12, 7, 15, 59, tzinfo=UTC)) == "2026-12-06"
    assert (
        night_manifest("/data/{date}/manifest.csv", "2026-12-06") == "/data/2026-12-06/manifest.csv"
    )
    assert night_manifest("/data/manifest.csv", "2026-12-06") == "/data/manifest.csv"


def _export(folder: Path, call_id: str, day: str) -> None:
    """A night's export: one sample call, started on `day`."""
    (folder / "audio").mkdir(parents=True)
    with open(SAMPLE / "manifest.csv", encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh) if r["call_id"] == "S01")
    shutil.copy(SAMPLE / row["audio"], folder / "audio" / "S01.wav")
    row.update(call_id=call_id, started_at=f"{day}T09:05:00")
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(row))
        w.writeheader()
        w.writerow(row)


def _deployment(tmp_path: Path, *extra: str):
    from hotline_qa import cli

    args = cli.build_parser().parse_args(
        ["serve", "--manifest", str(tmp_path / "{date}" / "manifest.csv"),
         "--store", str(tmp_path / "store"), "--cron", "30 3 * * *", *extra]
    )  # fmt: skip
    return cli.deployment(args)


def test_serve_builds_the_cron_and_keeps_the_date_template(tmp_path: Path) -> None:
    dep = _deployment(tmp_path)
    (sched,) = dep.schedules
    assert sched.schedule.cron == "30 3 * * *"
    assert sched.schedule.timezone == "Asia/Shanghai"
    assert dep.parameters["manifest"].endswith("{date}/manifest.csv")
    assert dep.parameters["asr"]["beam_size"] == 1  # AsrSettings' own default


def test_serve_refuses_a_fixed_night(tmp_path: Path) -> None:
    from hotline_qa import cli

    with pytest.raises(cli.UsageError, match="--night"):
        _deployment(tmp_path, "--night", "2026-12-01")


@pytest.mark.e2e
def test_the_served_deployment_reads_the_right_nights_export(tmp_path: Path) -> None:
    from flows.nightly import nightly
    from pipeline.store.storage import Store

    night = previous_night(datetime.now(UTC))
    today = previous_night(datetime.now(UTC) + timedelta(days=1))  # Shanghai's today
    _export(tmp_path / night, "NIGHT", night)
    _export(tmp_path / today, "DECOY", today)
    dep = _deployment(tmp_path)
    summary = nightly(**dep.parameters)  # what the scheduled run does, parameters as stored
    assert summary["calls"] == 1
    calls = Store(str(tmp_path / "store" / f"date={night}")).read_rows("calls")
    assert [c["call_id"] for c in calls] == ["NIGHT"]
    assert sorted(p.name for p in (tmp_path / "store").iterdir() if p.name.startswith("date=")) == [
        f"date={night}"
    ]


@pytest.mark.e2e
def test_a_night_without_its_export_fails_with_the_path(tmp_path: Path) -> None:
    from flows.nightly import nightly

    dep = _deployment(tmp_path)
    with pytest.raises(FileNotFoundError, match=r"no manifest for the night of \d{4}-\d\d-\d\d"):
        nightly(**dep.parameters)


def test_a_night_export_is_the_night_given_or_the_one_before() -> None:
    now = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)  # 02:00 on the 8th in Shanghai
    assert night_export("/d/{date}/m.csv", "", now) == ("/d/2026-12-07/m.csv", "2026-12-07")
    assert night_export("/d/{date}/m.csv", "2026-12-01", now) == (
        "/d/2026-12-01/m.csv",
        "2026-12-01",
    )
    assert night_export("/d/m.csv", "", now) == ("/d/m.csv", "")
