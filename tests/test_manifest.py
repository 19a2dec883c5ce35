"""Manifest parsing: encodings, every kind of bad row, and a hypothesis fuzz test."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.inputs.manifest import ManifestError, parse_manifest

HEAD = "call_id,agent_id,audio,started_at,ring_seconds,agent_channel,holds,hangup_by\n"


def parse(text: str, enc: str = "utf-8"):
    return parse_manifest(text.encode(enc))


def test_good_row_defaults_to_shanghai_time():
    m = parse(HEAD + "c1,8001,audio/c1.wav,2026-11-27T09:00:00,5,left,,caller\n")
    assert m.calls[0].started_at == "2026-11-27T09:00:00+08:00" and not m.rejected


@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_encodings_and_crlf(enc):
    text = (HEAD + "c1,8001,audio/c1.wav,2026-11-27 09:00:00,5,left,,caller\n").replace(
        "\n", "\r\n"
    )
    text = text.replace("call_id,agent_id", "call_id,agent_id").replace("8001", "8001") + ""
    m = parse_manifest(
        (
            "call_id,agent_id,audio,started_at,agent_name\r\nc1,8001,a.wav,2026-11-27,张敏\r\n"
        ).encode(enc)
    )
    assert m.calls[0].agent_name == "张敏"
    assert parse(text).calls[0].call_id == "c1"


@pytest.mark.parametrize(
    "row, reason",
    [
        ("c1,8001,,2026-11-27T09:00:00,,,,", "empty required cell 'audio'"),
        ("c1,8001,a.wav,yesterday,,,,", "not an ISO 8601 time"),
        ("c1,8001,a.wav,2026-11-27,-3,,,", "outside 0..600"),
        ("c1,8001,a.wav,2026-11-27,99999,,,", "outside 0..600"),
        ("c1,8001,a.wav,2026-11-27,abc,,,", "is not a number"),
        ('c1,8001,a.wav,2026-11-27,,,"[[1,2",', "holds is not JSON"),
        ('c1,8001,a.wav,2026-11-27,,,"[[5,2]]",', "not a forward interval"),
        ("c1,8001,../secret.wav,2026-11-27,,,,", "outside the batch folder"),
        ("c1,8001,/etc/passwd,2026-11-27,,,,", "outside the batch folder"),
        ("c1,8001,a.wav,2026-11-27,,both,,", "agent_channel"),
        ("c1,8001,a.wav,2026-11-27,,,,nobody", "hangup_by"),
        ("c1,../../etc,a.wav,2026-11-27,,,,", "agent_id '../../etc' contains a path character"),
        ("c1,..,a.wav,2026-11-27,,,,", "agent_id '..' contains a path character"),
    ],
)
def test_bad_rows_are_rejected_with_a_specific_reason(row, reason):
    m = parse(HEAD + "ok,8001,ok.wav,2026-11-27,,,,\n" + row + "\n")
    assert [c.call_id for c in m.calls] == ["ok"]
    assert (
        len(m.rejected) == 1
        and reason in m.rejected[0].reason
        and m.rejected[0].item == "manifest line 3"
    )


def test_duplicate_call_id():
    m = parse(HEAD + "c1,1,a.wav,2026-11-27,,,,\nc1,1,b.wav,2026-11-27,,,,\n")
    assert len(m.calls) == 1 and "duplicate call_id 'c1' (first on line 2)" in m.rejected[0].reason


def test_missing_required_column_stops_with_a_clear_message():
    with pytest.raises(ManifestError, match="lacks required column"):
        parse("call_id,agent_id,audio\nc1,1,a.wav\n")


def test_undecodable_bytes():
    with pytest.raises(ManifestError):
        parse_manifest(b"call_id,agent_id,audio,started_at\n\xff\xfe\xfa\xfb\xfc\n")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=300).map(lambda t: (HEAD + t).encode("utf-8")))
def test_fuzz_parser_raises_only_its_own_error(data):
    try:
        m = parse_manifest(data)
    except ManifestError:
        return
    for c in m.calls:
        assert c.call_id and not c.audio.startswith("/") and ".." not in c.audio.split("/")
