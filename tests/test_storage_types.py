"""Native Parquet types: nested columns are lists, structs and maps, a warning
that contains "; " round-trips intact, and folders written by older versions (JSON text
columns) still read."""

import json

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.calls.record import CallRecord
from pipeline.publish.outputs import stored_records
from pipeline.store.schemas import CALLS
from pipeline.store.storage import Store
from scorers.types import CallMeta, Interval

DEGRADED = (
    "recording too degraded to judge its timing: agent speech 2 dB above the line noise; "
    "echo into the agent channel at -4 dB (timing rules not assessed)"
)


def _record() -> CallRecord:
    meta = CallMeta("c1", "8001", "a.wav", "2026-12-01T09:00:00+08:00", holds=((3.0, 9.5),))
    return CallRecord(
        meta,
        status="warning",
        warnings=(DEGRADED, "declared mono but the file has 2 channels; mixed down"),
        duration=60.0,
        channels=2,
        speech={"agent": (Interval(1, 2),), "caller": (Interval(3, 4),)},
        uncovered={"agent": (), "caller": (Interval(3, 3.5),)},
        decoded={"agent": (Interval(1, 2),), "caller": ()},
        recording={"agent": {"echo_db": None, "noise_dbfs": -60.0, "speech_dbfs": -20.0}},
        voiceprint=((0.1, 0.2, 0.3), 4.5),
    )


def test_a_warning_with_a_semicolon_round_trips_intact(tmp_path):
    store = Store(str(tmp_path))
    store.write_table("calls", [_record().call_row([])])
    (row,) = store.read_rows("calls")
    assert row["warnings"] == [DEGRADED, "declared mono but the file has 2 channels; mixed down"]
    assert pq.read_schema(tmp_path / "calls.parquet").field("warnings").type == pa.list_(
        pa.string()
    )
    (rec,), _, _ = stored_records(store)
    assert rec.warnings == _record().warnings
    assert rec.meta.holds == ((3.0, 9.5),)
    assert rec.uncovered == _record().uncovered and rec.decoded == _record().decoded
    assert rec.voiceprint == _record().voiceprint
    assert rec.recording == {"agent": {"noise_dbfs": -60.0, "speech_dbfs": -20.0}}


def test_score_maps_read_as_dicts(tmp_path):
    store = Store(str(tmp_path))
    row = {"agent_id": "8001", "period_type": "day", "period": "2026-12-01", "calls": 2}
    store.write_table(
        "agent_scorecards",
        [{**row, "items": {"greeting": 10.0, "hold": None}, "violations": {"dead_air": 2}}],
    )
    (card,) = store.read_rows("agent_scorecards")
    assert card["items"] == {"greeting": 10.0, "hold": None}
    assert card["violations"] == {"dead_air": 2}


def test_a_folder_written_with_json_text_columns_still_reads(tmp_path):
    """calls.parquet and agent_scorecards.parquet as older versions wrote them."""
    old_calls = pa.schema(
        [
            pa.field(f.name, pa.string())
            if f.name
            in ("holds", "warnings", "uncovered", "decoded", "recording", "voiceprint", "voice")
            else f
            for f in CALLS
        ]
    )
    row = _record().call_row([])
    row.update(
        holds=json.dumps(row["holds"]),
        warnings="agent silent; caller loud",  # old versions joined warnings with "; "
        uncovered=json.dumps(row["uncovered"]),
        decoded=json.dumps(row["decoded"]),
        recording=json.dumps(row["recording"]),
        voiceprint=json.dumps(row["voiceprint"]),
        voice=None,
    )
    pq.write_table(pa.Table.from_pylist([row], schema=old_calls), tmp_path / "calls.parquet")
    cards = pa.table(
        {"agent_id": ["8001"], "items": ['{"greeting": 10.0}'], "violations": ['{"dead_air": 1}']}
    )
    pq.write_table(cards, tmp_path / "agent_scorecards.parquet")
    store = Store(str(tmp_path))
    (c,) = store.read_rows("calls")
    assert c["warnings"] == ["agent silent", "caller loud"]
    assert c["holds"] == [[3.0, 9.5]] and c["uncovered"]["caller"] == [[3.0, 3.5]]
    (rec,), _, _ = stored_records(store)
    assert rec.voiceprint == _record().voiceprint and rec.meta.holds == ((3.0, 9.5),)
    (card,) = store.read_rows("agent_scorecards")
    assert card["items"] == {"greeting": 10.0} and card["violations"] == {"dead_air": 1}
