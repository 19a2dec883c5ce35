"""The agent's raised voice (issue 22): pure logic on loudness tracks, no audio."""

import pytest

from scorers import manner
from scorers.types import AGENT, CALLER, CallEvidence, CallMeta, Interval, Utterance, Word

HOP = 0.05


def track(n_s: float, level: float, loud: tuple[float, float, float] | None = None) -> list[float]:
    """A channel at `level` dBFS; `loud` = (start_s, end_s, level) for a louder stretch."""
    out = [level] * int(n_s / HOP)
    if loud:
        a, b, lv = loud
        for k in range(int(a / HOP), int(b / HOP)):
            out[k] = lv
    return out


SPEECH = [Interval(1.0, 12.0), Interval(14.0, 30.0)]


def hits(t, speech=SPEECH, above=8.0, min_s=1.0):
    p = manner.profile(t, speech, HOP, 0.5, 10.0)
    return manner.raised_stretches(p, above, min_s, 0.3) if p else None


def test_a_raised_line_is_found_where_it_is():
    (h,) = hits(track(30, -26, (20.0, 22.5, -14)))
    assert 19.5 <= h.start <= 20.3 and 22.2 <= h.end <= 23.0
    assert 10.0 <= h.peak_db <= 12.5 and h.loud_s >= 2.0


def test_a_recording_loud_or_quiet_throughout_does_not_fire():
    assert hits(track(30, -6)) == [] and hits(track(30, -50)) == []
    assert hits(track(30, -26, (20.0, 22.5, -14))) == hits(track(30, -14, (20.0, 22.5, -2)))


def test_a_short_peak_or_a_small_rise_does_not_fire():
    assert hits(track(30, -26, (20.0, 20.4, -10))) == []  # a syllable
    assert hits(track(30, -26, (20.0, 24.0, -21))) == []  # +5 dB: a voice's normal rise


def test_loudness_outside_the_agents_own_speech_is_not_theirs():
    # the caller's echo or a neighbour between the agent's stretches (12-14 s)
    assert hits(track(30, -26, (12.2, 13.8, -8))) == []


def test_too_little_speech_means_the_level_is_unknown():
    assert manner.profile(track(30, -26), [Interval(1.0, 5.0)], HOP, 0.5, 10.0) is None


def _evidence(levels, speech_agent, mono=False):
    words = (Word(20.0, 22.0, "你听清楚了没有", 0.9),)
    u = Utterance(AGENT, 20.0, 22.5, "你听清楚了没有", words)
    meta = CallMeta("X1", "8001", "x.wav", "2026-12-01T09:00:00+08:00")
    return CallEvidence(
        meta,
        30.0,
        mono,
        (u,),
        {AGENT: tuple(speech_agent), CALLER: (Interval(12.5, 13.5),)},
        levels=levels,
    )


@pytest.fixture(scope="module")
def rules():
    from pipeline.inputs.config import load_config
    from scorers.engine import build_rules

    return build_rules(load_config())


def test_the_rule_gives_a_time_located_finding_with_the_words(rules):
    from scorers.engine import evaluate

    ev = _evidence({AGENT: tuple(track(30, -26, (20.0, 22.5, -14)))}, SPEECH)
    out = evaluate(ev, rules)
    (f,) = [f for f in out.findings if f.rule_id == "manner.raised_voice"]
    assert 19.5 <= f.start <= 20.3 and "你听清楚了没有" in f.evidence and "dB" in f.evidence
    calm = evaluate(_evidence({AGENT: tuple(track(30, -26))}, SPEECH), rules)
    assert not [f for f in calm.findings if f.rule_id == "manner.raised_voice"]


def test_without_a_loudness_track_or_enough_speech_nothing_is_claimed(rules):
    from scorers.engine import evaluate

    old = evaluate(_evidence({}, SPEECH), rules)  # a folder from before issue 22
    assert "manner.raised_voice" not in old.not_assessable
    short = evaluate(_evidence({AGENT: tuple(track(30, -26))}, [Interval(1, 4)]), rules)
    assert "manner.raised_voice" in short.not_assessable


@pytest.mark.e2e
def test_a_raised_line_through_the_whole_flow(prefect_harness, tmp_path):
    """The sample's S01 with one agent line 12 dB louder: real audio, model and flow. The
    finding lies on that line; the call as recorded has none (the sample night's test
    compares every finding with the labels)."""
    import numpy as np
    import soundfile as sf
    from conftest import SAMPLE, read

    from flows.nightly import nightly

    x, sr = sf.read(SAMPLE / "audio" / "S01.wav", dtype="float32", always_2d=True)
    a, b = int(16.55 * sr), int(19.64 * sr)  # 请带上身份证和解除劳动合同的证明。
    x[a:b, 0] *= 10 ** (12 / 20)
    (tmp_path / "b" / "audio").mkdir(parents=True)
    sf.write(tmp_path / "b" / "audio" / "S01.wav", np.clip(x, -1, 1), sr)
    rows = (SAMPLE / "manifest.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "b" / "manifest.csv").write_text(
        "\n".join([rows[0]] + [r for r in rows if r.startswith("S01,")]) + "\n", encoding="utf-8"
    )
    nightly(manifest=str(tmp_path / "b" / "manifest.csv"), out=str(tmp_path / "out"))
    found = [f for f in read(tmp_path / "out", "findings") if f["rule_id"].startswith("manner.")]
    assert len(found) == 1 and found[0]["rule_id"] == "manner.raised_voice"
    assert 16.0 <= found[0]["start_s"] <= 17.5 and 18.5 <= found[0]["end_s"] <= 20.5
    call = read(tmp_path / "out", "calls")[0]
    assert abs(len(call["level_track"]["agent"]) - call["duration_s"] / 0.05) <= 1
