"""The transcript cache entry: typed, versioned, read back as written, and older entries
upgraded by version, not by guessing from missing keys in the middle of the stage."""

from __future__ import annotations

import json

from pipeline.calls.transcript import VERSION, ChannelEntry, TranscriptEntry, Upgrade, VoiceEntry


def _v1() -> dict:
    """An entry as the first version wrote it: no version field, no tracks."""
    chan = {"rms": 0.1, "speech": [[0.5, 2.0]], "heard": [[0.5, 2.0]], "recording": {},
            "words": [[0.6, 0.9, "您好", 0.9]], "decoded": [[0.5, 2.0]], "uncovered": []}  # fmt: skip
    return {"duration": 3.0, "channels": [chan, dict(chan, words=[])], "voice": None,
            "voiceprint": None, "voice_version": "x", "voice_seconds": 0.2}  # fmt: skip


def test_a_version_1_entry_reads_and_says_what_it_lacks() -> None:
    e = TranscriptEntry.from_json(_v1())
    assert e.version == 1 and e.upgrades() == [Upgrade.LEVELS, Upgrade.COVERAGE]
    assert e.channels[0].words == ((0.6, 0.9, "您好", 0.9),) and e.channels[0].level == ()
    up = e.with_tracks([((-20.0, -30.0), (180.0, 0.0)), ((-60.0,), (0.0,))])
    assert up.version == 2 and up.upgrades() == [Upgrade.COVERAGE]
    up = up.with_coverage_checked(up.channels)
    assert up.version == VERSION and up.upgrades() == []
    assert e.channels[0].level == ()  # the old entry is unchanged: a new one is returned
    assert up.voice == e.voice and up.channels[0].words == e.channels[0].words


def test_an_unversioned_entry_with_tracks_is_version_2() -> None:
    d = _v1()
    for c in d["channels"]:
        c.update(level=[-20.0], pitch=[0.0])
    assert TranscriptEntry.from_json(d).version == 2


def test_the_coverage_check_brings_an_entry_to_version_3() -> None:
    e = TranscriptEntry.from_json(dict(_v1(), version=2))
    assert e.upgrades() == [Upgrade.COVERAGE]
    chan = e.channels[0]
    new = ChannelEntry(chan.rms, chan.speech, chan.heard, chan.recording,
                       chan.words + ((1.2, 1.6, "神经病", 0.9),), chan.decoded)  # fmt: skip
    up = e.with_coverage_checked((new, e.channels[1]))
    assert up.version == 3 and up.channels[0].words[-1][2] == "神经病"
    assert up.channels[1] == e.channels[1] and e.channels[0] == chan


def test_to_json_and_back_is_the_same_entry() -> None:
    e = TranscriptEntry(
        3.0,
        (ChannelEntry(0.1, ((0.5, 2.0),), ((0.5, 2.0),), {"echo_db": None},
                      ((0.6, 0.9, "您好", 0.9),), ((0.5, 2.0),), (), (-20.0,), (0.0,)),),
        VoiceEntry("v", None, {"embedding": [0.1], "seconds": 2.0}, False, ((0, 1.2, 0.9, None),), 0.3),
    )  # fmt: skip
    assert TranscriptEntry.from_json(json.loads(json.dumps(e.to_json()))) == e
    assert e.to_json()["version"] == VERSION
