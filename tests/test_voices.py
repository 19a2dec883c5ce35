"""Voice-based roles on mono calls: the encoder against resemblyzer's own output,
and the pure logic (windows, clusters, change points, voice + text) on synthetic data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pipeline.calls.record import CallRecord
from pipeline.inputs.config import load_config
from pipeline.judge.tables import enrolments
from pipeline.speech import voice
from scorers import roles, voices
from scorers.engine import build_rules
from scorers.types import AGENT, CALLER, UNKNOWN, CallMeta, Interval, Utterance, Word

DATA = Path(__file__).parent / "data"


def test_numpy_encoder_matches_resemblyzer_with_torch():
    """tests/data/ge2e_reference.npz: two 2 s segments of recordings_sample/S01 (agent and
    caller channel) and the embeddings resemblyzer 0.1.4 computed for them with torch 2.13.
    The numpy port with float16 weights must give the same vectors."""
    ref = np.load(DATA / "ge2e_reference.npz")
    for k in (0, 1):
        got = voice.encode(voice.mel_frames(ref[f"segment{k}"])[None])[0]
        assert float(got @ ref[f"embedding{k}"]) > 0.9995
        assert abs(float(np.linalg.norm(got)) - 1) < 1e-5
    # and two voices are told apart by the reference itself
    assert float(ref["embedding0"] @ ref["embedding1"]) < 0.95


def test_embed_windows_is_level_invariant():
    ref = np.load(DATA / "ge2e_reference.npz")
    x = ref["segment0"]
    a, b = voice.embed_windows(np.concatenate([x, 0.1 * x]), [(0.0, 2.0), (2.0, 4.0)])
    assert float(a @ b) > 0.999


def test_window_plan_stays_inside_stretches():
    sp = [Interval(0.0, 3.0), Interval(3.5, 4.2), Interval(5.0, 5.3)]
    w = voices.window_plan(sp, 1.2, 0.4, 0.5)
    assert all(any(iv.start <= a and b <= iv.end for iv in sp) for a, b in w)
    assert (3.5, 4.2) in w  # a short stretch is one window
    assert not any(a >= 5.0 for a, _ in w)  # 0.3 s: too short to embed
    assert w[-2 if (3.5, 4.2) == w[-1] else -1][1] == 3.0 or (1.8, 3.0) in w  # flush end


def _voice(rng, centre, n, spread=0.02):
    v = centre + spread * rng.normal(size=(n, len(centre)))
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _two_voices(seed=0):
    """Two unit vectors about 0.7 apart in cosine, as two people's GE2E voices are (same
    speaker: 0.85-0.9 per window around the centroid, spread 0.02 per dimension)."""
    rng = np.random.default_rng(seed)
    a = rng.normal(size=256) / 16
    c = a + 0.06 * rng.normal(size=256)
    a, c = a / np.linalg.norm(a), c / np.linalg.norm(c)
    return rng, a, c


def test_cluster_orders_by_first_speaker_and_finds_the_change():
    rng, a, c = _two_voices()
    wins = [(0.0 + 0.4 * k, 1.2 + 0.4 * k) for k in range(10)]  # one stretch, 0-4.8 s
    emb = np.vstack([_voice(rng, a, 5), _voice(rng, c, 5)])
    t = voices.cluster(wins, emb)
    assert [w.cluster for w in t.windows] == [0] * 5 + [1] * 5
    assert t.separation < 0.9
    (cp,) = voices.change_points(t)
    assert 2.2 < cp < 2.8
    # the same windows in the other order: cluster 0 is still whoever speaks first
    t2 = voices.cluster(wins, emb[::-1])
    assert t2.windows[0].cluster == 0
    assert voices.track_from_json(voices.track_to_json(t)) == t


def test_lone_window_is_not_a_turn():
    rng, a, c = _two_voices(1)
    wins = [(0.4 * k, 1.2 + 0.4 * k) for k in range(9)]
    emb = np.vstack([_voice(rng, a, 4), _voice(rng, c, 1), _voice(rng, a, 4)])
    assert voices.change_points(voices.cluster(wins, emb)) == []


def _words(text, start, dur=0.25):
    return tuple(Word(start + k * dur, start + (k + 1) * dur, ch) for k, ch in enumerate(text))


def _utt(text, start):
    ws = _words(text, start)
    return Utterance(UNKNOWN, ws[0].start, ws[-1].end, text, ws)


def _call(rng, a, c, turns):
    """turns: (who, text); each utterance gets windows of its speaker's voice."""
    utts, wins, embs, t = [], [], [], 0.5
    for who, text in turns:
        u = _utt(text, t)
        utts.append(u)
        k = u.start
        while k + 1.2 <= u.end + 1e-6:
            wins.append((round(k, 3), round(k + 1.2, 3)))
            embs.append(_voice(rng, a if who == AGENT else c, 1)[0])
            k += 0.4
        t = u.end + 0.6
    return utts, voices.cluster(wins, np.array(embs))


RUDE_BETWEEN_CALLERS = [
    (AGENT, "您好请问有什么可以帮您"),
    (CALLER, "我想问一下失业金怎么领取"),
    (AGENT, "您需要先到社保经办机构办理失业登记"),
    (CALLER, "那我要带什么材料呢"),
    (AGENT, "你怎么还听不懂呢"),  # rude: the text model reads a frustrated caller
    (CALLER, "你刚才说请稍等我等了好久"),  # the caller quotes the script
    (AGENT, "请问您还有问题需要咨询吗"),
    (CALLER, "没有了谢谢"),
    (AGENT, "感谢您的来电再见"),
]


@pytest.fixture(scope="module")
def rules():
    return build_rules(load_config(None))


def test_voice_gives_the_rude_line_to_the_agent_and_the_quote_to_the_caller(rules):
    rng, a, c = _two_voices(2)
    utts, track = _call(rng, a, c, RUDE_BETWEEN_CALLERS)
    truth = [w for w, _ in RUDE_BETWEEN_CALLERS]
    both = roles.assign_roles(utts, rules.required, rules.roles, track)
    assert [u.speaker for u in both] == truth
    assert both[4].role_confidence > 0.8
    text = roles.assign_roles(utts, rules.required, rules.roles, track, use="text")
    # what the text model alone makes of the two hard lines (why voice is needed)
    assert text[4].speaker == CALLER or text[5].speaker == AGENT


def test_voices_too_alike_fall_back_to_the_text(rules):
    rng, a, _ = _two_voices(3)
    c = a + 0.005 * rng.normal(size=256)  # one speaker, twice
    utts, track = _call(rng, a, c / np.linalg.norm(c), RUDE_BETWEEN_CALLERS)
    assert track.separation > rules.roles.voice.max_separation
    p_both = roles.role_probs(utts, rules.required, rules.roles, track)
    p_text = roles.role_probs(utts, rules.required, rules.roles, None)
    assert p_both == p_text


def test_enrolled_voice_names_the_agent_cluster_without_script(rules):
    """Lines with no script and no telling text: only the enrolled voice says who is who."""
    rng, a, c = _two_voices(4)
    turns = [(AGENT, "这个情况我记下来了"), (CALLER, "好的好的我知道了"), (AGENT, "那就这样吧")]
    turns = turns * 2
    utts, track = _call(rng, a, c, turns)
    p0 = roles.agent_cluster(utts, rules.required, rules.roles, track, tuple(a))
    p0_other = roles.agent_cluster(utts, rules.required, rules.roles, track, tuple(c))
    assert p0 > 0.95 and p0_other < 0.05


def _rec(cid, agent, mono, vp=None, track=None, utts=()):
    meta = CallMeta(cid, agent, f"{cid}.wav", "2026-11-29T09:00:00+08:00")
    return CallRecord(
        meta, mono=mono, sha256=cid * 4, voiceprint=vp, voice=track, utterances=tuple(utts)
    )


def test_enrolment_leaves_a_call_out_of_its_own_and_reruns_add_no_rows():
    rng, a, c = _two_voices(5)
    cfg = load_config(None)
    utts, track = _call(rng, a, c, RUDE_BETWEEN_CALLERS)
    recs = [
        _rec("S1", "8001", False, (tuple(a), 20.0)),
        _rec("S2", "8002", False, (tuple(c), 20.0)),
        _rec("M1", "8001", True, track=track, utts=utts),
    ]
    rows, enrol = enrolments(recs, build_rules(cfg), [])
    assert {(r["call_id"], r["source"]) for r in rows} >= {("S1", "stereo"), ("S2", "stereo")}
    assert float(np.dot(enrol["M1"], a)) > 0.99  # 8001's stereo call, not 8002's
    rows2, enrol2 = enrolments(recs, build_rules(cfg), rows)
    assert len(rows2) == len(rows) and enrol2 == enrol
    # the mono call enrols itself (script + text are sure), but never for itself
    m1 = [r for r in rows if r["call_id"] == "M1"]
    if m1:
        assert m1[0]["source"] == "mono" and m1[0]["agent_id"] == "8001"


def test_a_word_timed_into_the_pause_goes_to_the_turn_it_starts():
    """On a mono mix Whisper often times the first word of the next turn into the pause
    ("…材料呢大 / 声点"): a word that starts after its stretch ended belongs to the next."""
    from scorers.utterances import snap_words_to_speech

    speech = [Interval(13.44, 14.97), Interval(15.46, 16.44)]
    words = [Word(14.53, 14.81, "呢"), Word(15.02, 15.62, "大"), Word(15.62, 15.84, "声")]
    got = snap_words_to_speech(words, speech)
    assert got[1].start == 15.46 and got[0] == words[0]
    assert snap_words_to_speech(got, speech) == got  # idempotent: re-applied to the cache


def test_merge_turns_joins_one_role_only():
    a = Utterance(AGENT, 0.0, 1.0, "你能不能好好说", _words("你能不能好好说", 0.0), 0.9)
    b = Utterance(AGENT, 1.4, 2.0, "吵什么吵", _words("吵什么吵", 1.4), 0.7)
    c = Utterance(CALLER, 2.3, 3.0, "好的", _words("好的", 2.3), 0.95)
    (ab, c2) = roles.merge_turns([a, b, c], 0.8)
    assert ab.text == "你能不能好好说吵什么吵" and ab.role_confidence == 0.7 and c2 == c
    assert len(roles.merge_turns([a, b], 0.3)) == 2


def test_voiceprints_come_from_each_agents_earliest_stereo_calls_only():
    """The voice encoder runs on a few calls per agent, chosen from the manifest
    alone (start time, then id), never on mono calls, whatever order the rows come in."""

    def call(cid, agent, at, channel="left"):
        return CallMeta(cid, agent, f"{cid}.wav", at, agent_channel=channel)

    calls = [
        call("c4", "A", "2026-12-01T12:00:00"),
        call("c1", "A", "2026-12-01T09:00:00"),
        call("m1", "A", "2026-12-01T08:00:00", "mono"),
        call("c3", "A", "2026-12-01T11:00:00"),
        call("c2", "A", "2026-12-01T10:00:00"),
        call("b1", "B", "2026-12-01T13:00:00"),
    ]
    assert voices.enrolment_calls(calls, 3) == {"c1", "c2", "c3", "b1"}
    assert voices.enrolment_calls(list(reversed(calls)), 3) == {"c1", "c2", "c3", "b1"}
    assert voices.enrolment_calls(calls, 0) == {"c1", "c2", "c3", "c4", "b1"}
