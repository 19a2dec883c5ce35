"""The agent's manner: a raised voice on loudness tracks, side talk on voice
checks, verbal tics on words. Pure logic, no audio, except the end-to-end test."""

import re
from pathlib import Path

import numpy as np
import pytest

from scorers import manner
from scorers.types import (
    AGENT,
    CALLER,
    CallEvidence,
    CallMeta,
    Interval,
    Utterance,
    VoiceCheck,
    Word,
)

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

    old = evaluate(_evidence({}, SPEECH), rules)  # a folder written by an older version
    assert "manner.raised_voice" not in old.not_assessable
    short = evaluate(_evidence({AGENT: tuple(track(30, -26))}, [Interval(1, 4)]), rules)
    assert "manner.raised_voice" in short.not_assessable


# -- side talk ------------------------------------------------------------------------


def test_the_agents_own_voice_is_the_core_of_the_channel_not_its_mean():
    rng = np.random.default_rng(0)
    agent, colleague = rng.normal(size=256), rng.normal(size=256)
    emb = [agent + 0.3 * rng.normal(size=256) for _ in range(14)]
    emb += [colleague + 0.3 * rng.normal(size=256) for _ in range(6)]  # 30 % of the windows
    sims = manner.own_voice_similarity(np.array(emb))
    assert sims[:14].min() > 0.9 and sims[14:].max() < 0.3


def checks(odd: list[tuple[float, float]], caller: float | None = None, n: int = 40):
    """1.2 s windows over 48 s; those in `odd` spans are in another voice."""
    out = []
    for k in range(n):
        a = k * 1.2
        other = any(s <= a < e for s, e in odd)
        out.append(VoiceCheck(a, a + 1.2, 0.45 if other else 0.88, caller if other else None))
    return out


def test_a_third_voice_is_found_where_it_talks():
    (o,) = manner.other_voices(checks([(12.0, 16.8)]), 0.75, 1.8, 1.5)
    assert (o.start, o.end) == (12.0, 16.8) and o.seconds == pytest.approx(4.8)


def test_one_odd_window_or_the_callers_echo_is_not_side_talk():
    assert manner.other_voices(checks([(12.0, 13.2)]), 0.75, 1.8, 1.5) == []  # one window
    # windows unlike the agent but like the caller: the caller's echo
    assert manner.other_voices(checks([(12.0, 16.8)], caller=0.85), 0.75, 1.8, 1.5) == []
    # unlike both: a third voice
    assert manner.other_voices(checks([(12.0, 16.8)], caller=0.5), 0.75, 1.8, 1.5)


def test_a_voice_far_under_the_agents_level_is_the_room_not_a_colleague():
    """Neighbours' voices reach the agent's microphone ~20 dB under the agent (babble-25 of
    the degradation suite); a colleague at the desk talks within ~10 dB of the agent."""
    speech = [Interval(0.0, 48.0)]
    odd = checks([(12.0, 16.8)], caller=0.5)

    def levels(db: float) -> list:
        track = [-20.0] * 960  # 48 s at 50 ms: the agent at -20 dBFS
        track[240:336] = [-20.0 + db] * 96  # 12.0-16.8 s
        return manner.window_levels(odd, track, speech, HOP)

    room, desk = levels(-21.0), levels(-6.0)
    assert room[10] == pytest.approx(-21.0) and desk[10] == pytest.approx(-6.0)
    assert manner.other_voices(odd, 0.75, 1.8, 1.5, room, 15.0) == []
    assert manner.other_voices(odd, 0.75, 1.8, 1.5, desk, 15.0)
    assert manner.other_voices(odd, 0.75, 1.8, 1.5, room, None)  # no gate: found


def test_side_talk_finding_and_not_assessable_on_mono(rules):
    from dataclasses import replace

    from scorers.engine import evaluate

    ev = replace(_evidence({}, SPEECH), voice_checks=tuple(checks([(12.0, 16.8)])))
    (f,) = [f for f in evaluate(ev, rules).findings if f.rule_id == "manner.side_talk"]
    assert (f.start, f.end) == (12.0, 16.8) and "第三人声" in f.evidence
    calm = replace(_evidence({}, SPEECH), voice_checks=tuple(checks([])))
    assert not [f for f in evaluate(calm, rules).findings if f.rule_id == "manner.side_talk"]
    mono = evaluate(_evidence({}, SPEECH, mono=True), rules)
    assert "manner.side_talk" in mono.not_assessable


# -- fillers --------------------------------------------------------------------------

ALWAYS = [re.compile(p) for p in ("就是说", "然后[呢们门]")]
ALONE = [re.compile(p) for p in ("那个", "这个", "嗯", "呃")]


def said(*parts: str, step: float = 0.2) -> list[Word]:
    """Words of one utterance, a character each, 0.2 s apart; '|' is a 0.5 s pause."""
    out, t = [], 0.0
    for p in parts:
        if p == "|":
            t += 0.5
            continue
        for ch in p:
            out.append(Word(round(t, 2), round(t + step, 2), ch, 0.9))
            t += step
    return out


BEFORE = re.compile("[您你我他她也就还都再]")


def tics(words):
    return [f.text for f in manner.find_fillers(words, ALWAYS, ALONE, 0.3, BEFORE)]


def test_tics_standing_alone_are_counted_demonstratives_are_not():
    assert tics(said("那个", "|", "您需要先到", "这个", "街道办理")) == ["那个"]
    assert tics(said("您到那个窗口去办，这个材料要带齐。")) == []
    assert tics(said("那个就是说", "这个材料呢")) == ["那个", "就是说"]  # before another tic
    assert tics(said("然后们", "|", "嗯", "|", "带上身份证")) == ["然后们", "嗯"]
    assert tics(said("那个那个", "|", "您说")) == ["那个", "那个"]
    # before a pronoun or an adverb 那个 is no demonstrative
    assert tics(said("那个您可以打电话", "这个也可以")) == ["那个", "这个"]
    assert tics(said("这个是您的材料")) == []  # a demonstrative pronoun


def test_punctuation_ends_a_clause():
    words = [Word(0.0, 0.3, "那個,", 0.9), Word(0.3, 0.6, "您", 0.9), Word(0.6, 0.9, "說", 0.9)]
    (f,) = manner.find_fillers(words, ALWAYS, ALONE, 0.3)
    assert (f.start, f.end, f.text) == (0.0, 0.3, "那个")


def _talk(utts: list[list[Word]], mono=False):
    meta = CallMeta("F1", "8001", "x.wav", "2026-12-01T09:00:00+08:00")
    us, t = [], 0.0
    for ws in utts:
        shifted = tuple(Word(w.start + t, w.end + t, w.text, w.probability) for w in ws)
        us.append(Utterance(AGENT, shifted[0].start, shifted[-1].end, "", shifted))
        t = shifted[-1].end + 1.0
    speech = tuple(Interval(u.start, u.end) for u in us)
    return CallEvidence(meta, t, mono, tuple(us), {AGENT: speech, CALLER: ()})


def test_fillers_fire_on_a_rate_not_on_one_tic(rules):
    from scorers.engine import evaluate

    heavy = [said("那个", "|", "您需要就是说先到窗口", "|", "嗯", "|", "办理登记")] * 6
    out = evaluate(_talk(heavy), rules)
    (f,) = [f for f in out.findings if f.rule_id == "manner.fillers"]
    assert f.start is None and "就是说×6" in f.evidence and f.detail.count("那个") == 6
    light = [said("那个", "|", "您需要先到窗口办理登记")] + [said("您需要先到窗口办理登记")] * 5
    assert not [f for f in evaluate(_talk(light), rules).findings if f.rule_id == "manner.fillers"]
    short = evaluate(_talk([said("那个", "|", "就是说")]), rules)
    assert "manner.fillers" in short.not_assessable


# -- the caller's agitation: a raised voice as a trigger of situation.upset.no_comfort ---


def _agitated(caller_db: tuple[float, float, float], second: str, agent_reply: str):
    """A stereo call whose caller says `second` at caller_db (dBFS per utterance)."""

    def utt(who, a, b, text):
        return Utterance(who, a, b, text, (Word(a, b, text, 0.9),))

    us = (
        utt(AGENT, 0.5, 2.5, "您好，请问有什么可以帮您？"),
        utt(CALLER, 3.0, 5.0, "医保门诊报销比例是多少？"),
        utt(AGENT, 5.5, 9.0, "门诊报销比例按医院等级不同，一般在百分之五十到七十。"),
        utt(CALLER, 9.5, 12.0, second),
        utt(AGENT, 12.5, 16.0, agent_reply),
        utt(CALLER, 16.5, 17.5, "好吧，知道了。"),
    )
    track = [-60.0] * int(20 / HOP)
    for u, db in zip([u for u in us if u.speaker == CALLER], caller_db, strict=True):
        for k in range(int(u.start / HOP), int(u.end / HOP)):
            track[k] = db
    meta = CallMeta("A1", "8001", "x.wav", "2026-12-01T09:00:00+08:00")
    speech = {
        s: tuple(Interval(u.start, u.end) for u in us if u.speaker == s) for s in (AGENT, CALLER)
    }
    return CallEvidence(meta, 20.0, False, us, speech, levels={CALLER: tuple(track)})


def test_a_raised_voice_with_milder_words_is_agitation(rules):
    from scorers.engine import evaluate

    def upset(ev):
        return [
            f for f in evaluate(ev, rules).findings if f.rule_id == "situation.upset.no_comfort"
        ]

    mild, plain = "这个事拖了两个月了，还没办好！", "门诊报销比例是多少，您再说一遍。"
    loud = (-26.0, -15.0, -26.0)  # the second line 11 dB over the caller's others
    calm = (-26.0, -26.0, -26.0)
    (f,) = upset(_agitated(loud, mild, "门诊按医院等级报销。"))
    assert f.start == 9.5
    assert not upset(_agitated(loud, mild, "您别着急，我理解您的心情，门诊按医院等级报销。"))
    assert not upset(_agitated(calm, mild, "门诊按医院等级报销。"))  # the same words, calm
    assert not upset(_agitated(loud, plain, "门诊按医院等级报销。"))  # loud, not upset


@pytest.mark.e2e
def test_a_raised_line_and_a_colleague_through_the_whole_flow(prefect_harness, tmp_path):
    """The sample's S01 twice, real audio, model and flow: R01 with one agent line 12 dB
    louder, T01 with a colleague's 5 s (a real voice, tests/data/side_talk) on the agent's
    channel in a pause spliced in after the agent's first answer. Each gets its own manner
    finding where the change is, and no other (the call as recorded has none: the sample
    night's test compares every finding with the labels)."""
    import soundfile as sf
    from conftest import SAMPLE, read

    from flows.nightly import nightly

    x, sr = sf.read(SAMPLE / "audio" / "S01.wav", dtype="float32", always_2d=True)
    raised = x.copy()
    a, b = int(16.55 * sr), int(19.64 * sr)  # 请带上身份证和解除劳动合同的证明。
    raised[a:b, 0] *= 10 ** (12 / 20)
    colleague, csr = sf.read(Path(__file__).parent / "data" / "side_talk" / "colleague.flac")
    assert csr == sr
    at = int(13.65 * sr)  # after 您需要先到社保经办机构办理失业登记，然后提交申请。
    gap = np.zeros((len(colleague) + sr, 2), np.float32)
    level = np.sqrt(np.mean(x[int(8.68 * sr) : int(13.4 * sr), 0] ** 2))
    gap[int(0.3 * sr) : int(0.3 * sr) + len(colleague), 0] = (
        colleague / np.sqrt(np.mean(colleague**2)) * level
    )
    side = np.concatenate([x[:at], gap, x[at:]])
    (tmp_path / "b" / "audio").mkdir(parents=True)
    sf.write(tmp_path / "b" / "audio" / "R01.wav", np.clip(raised, -1, 1), sr)
    sf.write(tmp_path / "b" / "audio" / "T01.wav", np.clip(side, -1, 1), sr)
    rows = (SAMPLE / "manifest.csv").read_text(encoding="utf-8").splitlines()
    s01 = next(r for r in rows if r.startswith("S01,"))
    batch = [rows[0]] + [s01.replace("S01", c) for c in ("R01", "T01")]
    (tmp_path / "b" / "manifest.csv").write_text("\n".join(batch) + "\n", encoding="utf-8")
    nightly(manifest=str(tmp_path / "b" / "manifest.csv"), out=str(tmp_path / "out"))
    found = [f for f in read(tmp_path / "out", "findings") if f["rule_id"].startswith("manner.")]
    by_call = {c: [f for f in found if f["call_id"] == c] for c in ("R01", "T01")}
    assert [f["rule_id"] for f in by_call["R01"]] == ["manner.raised_voice"]
    (r,) = by_call["R01"]
    assert 16.0 <= r["start_s"] <= 17.5 and 18.5 <= r["end_s"] <= 20.5
    assert [f["rule_id"] for f in by_call["T01"]] == ["manner.side_talk"]
    (t,) = by_call["T01"]
    start = at / sr + 0.3
    assert start - 1.0 <= t["start_s"] <= start + 1.0 and t["end_s"] >= start + 3.5
    calls = {c["call_id"]: c for c in read(tmp_path / "out", "calls")}
    call = calls["R01"]
    assert abs(len(call["level_track"]["agent"]) - call["duration_s"] / 0.05) <= 1
    assert len(calls["T01"]["voice_checks"]) >= 10  # every agent window, checked


def test_one_raised_sentence_is_one_finding():
    """Loud stretches split by a word pause inside one utterance, or closer than the
    episode gap, are one episode; it keeps the loudest peak and spans both."""
    from scorers.manner import Raised, episodes, merge_raised

    parts = [Raised(10.0, 10.8, 9.0, 0.8), Raised(11.3, 12.0, 12.5, 0.7),
             Raised(14.5, 15.2, 9.5, 0.7), Raised(30.0, 30.9, 10.0, 0.9)]  # fmt: skip
    sentence = [(9.8, 15.5), (29.5, 31.0)]
    got = episodes(parts, sentence, 1.0, merge_raised)
    assert [(r.start, r.end, r.peak_db) for r in got] == [(10.0, 15.2, 12.5), (30.0, 30.9, 10.0)]
    apart = episodes(parts, [], 1.0, merge_raised)  # no utterance joins them: the gap does
    assert [(r.start, r.end) for r in apart] == [(10.0, 12.0), (14.5, 15.2), (30.0, 30.9)]
