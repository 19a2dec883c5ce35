"""The store's query layer without a model: the vectorised period keys equal
the scorecards' own `period_of`, a map column becomes item columns, nights are found by
their date partitions, and the queries see every night as one table."""

import pyarrow as pa
import pytest

from pipeline.store import layout
from pipeline.store.dataset import Dataset, map_columns, periods
from pipeline.store.storage import Store
from scorers.scorecard import period_of

STARTS = [
    "2026-11-27T09:05:00+08:00",
    "2026-11-29T23:59:59+08:00",  # a Sunday night: still ISO week 48
    "2026-11-29T16:30:00+00:00",  # UTC: already Monday 00:30 in Shanghai, week 49
    "2026-12-31T20:00:00-05:00",  # New Year's Day in Shanghai, ISO week 2026-W53
    "2027-01-03T12:00:00.250000+08:00",  # fractional seconds: the reference function
    None,
]


def test_vectorised_periods_equal_period_of():
    got = periods(pa.array(STARTS, pa.string()))
    for kind in ("day", "week", "month"):
        want = [period_of(s, kind) if s else None for s in STARTS]
        assert got[f"p_{kind}"].to_pylist() == want, kind


def test_a_map_column_becomes_one_column_per_key():
    m = pa.array(
        [[("a", 1.0), ("b", None)], None, [("b", 2.5), ("z", 9.0)], []],
        pa.map_(pa.string(), pa.float64()),
    )
    cols = map_columns(m.slice(0), ["a", "b"])
    assert cols["a"].to_pylist() == [1.0, None, None, None]
    assert cols["b"].to_pylist() == [None, None, 2.5, None]
    tail = map_columns(m.slice(2), ["b"])  # a slice keeps its own rows
    assert tail["b"].to_pylist() == [2.5, None]


def test_the_nights_of_a_store_and_the_night_of_a_batch(tmp_path):
    root = tmp_path / "store"
    assert layout.nights(str(root)) == []
    for day in ("2026-11-28", "2026-11-27"):
        Store(layout.partition(str(root), day)).write_table(
            "calls",
            [
                {
                    "call_id": f"C{day[-2:]}",
                    "agent_id": "8001",
                    "started_at": f"{day}T10:00:00+08:00",
                }
            ],
        )
    (root / "date=2026-11-29").mkdir()  # a run still writing: not a night yet
    (root / "notes").mkdir()
    assert [d for d, _ in layout.nights(str(root))] == ["2026-11-27", "2026-11-28"]
    assert layout.is_store(str(root))
    with pytest.raises(ValueError):
        layout.partition(str(root), "27-11-2026")
    # Most calls started on the 27th (Shanghai): the night is the 27th.
    starts = ["2026-11-27T09:00:00+08:00", "2026-11-27T23:30:00+08:00", "2026-11-27T17:00:00+00:00"]
    assert layout.night_day(starts) == "2026-11-27"  # the third is 01:00 on the 28th
    ds = Dataset(root=str(root))
    rows = ds.query("SELECT call_id, night, day FROM {calls} ORDER BY call_id")
    assert rows == [
        {"call_id": "C27", "night": 0, "day": "2026-11-27"},
        {"call_id": "C28", "night": 1, "day": "2026-11-28"},
    ]
    assert ds.query("SELECT count(*) AS n FROM {findings}") == [{"n": 0}]  # no file: empty
    idx = ds.index("calls", ("call_id", "agent_id"))
    assert idx.column("night").to_pylist() == [0, 1]
