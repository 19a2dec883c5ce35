"""Every output table's pyarrow schema, named once. Readers and writers both use these."""

import pyarrow as pa

from scorers.types import AGENT, CALLER, MIX

WORD = pa.struct(
    [
        ("start", pa.float64()),
        ("end", pa.float64()),
        ("text", pa.string()),
        ("probability", pa.float64()),
    ]
)

RECORDING_METRICS = (
    "echo_db",
    "echo_delay_ms",
    "leftover_db",
    "noise_dbfs",
    "speech_dbfs",
    "clipping",
    "echo_words",
)
CHANNELS = (AGENT, CALLER, MIX)

# Native nested types instead of JSON strings: readers get lists, structs and
# (through Store.read_rows) dicts, and nothing re-parses text.
SPANS = pa.list_(pa.list_(pa.float64()))  # [[start_s, end_s], ...]
CHANNEL_SPANS = pa.struct([(ch, SPANS) for ch in CHANNELS])  # null = no such channel
METRICS = pa.struct(
    [(m, pa.int64() if m == "echo_words" else pa.float64()) for m in RECORDING_METRICS]
)
CHANNEL_METRICS = pa.struct([(ch, METRICS) for ch in CHANNELS])
VOICE_TRACK = pa.struct(
    [
        ("windows", pa.list_(pa.list_(pa.float64()))),  # [start, end, cluster, margin]
        ("centroids", pa.list_(pa.list_(pa.float64()))),
        ("separation", pa.float64()),
    ]
)
VOICEPRINT = pa.struct([("embedding", pa.list_(pa.float64())), ("seconds", pa.float64())])
POINTS = pa.map_(pa.string(), pa.float64())  # {item_id: points or null}
COUNTS = pa.map_(pa.string(), pa.int32())  # {rule_id: count}
# Columns older versions wrote as JSON text (warnings: joined with "; "), upgraded on read.
LEGACY_TEXT = {
    "holds",
    "warnings",
    "voice",
    "voiceprint",
    "uncovered",
    "decoded",
    "recording",
    "items",
    "violations",
}

CALLS = pa.schema(
    [
        ("call_id", pa.string()),
        ("agent_id", pa.string()),
        ("agent_name", pa.string()),
        ("team", pa.string()),
        ("started_at", pa.string()),
        ("audio", pa.string()),
        ("audio_sha256", pa.string()),
        ("duration_s", pa.float64()),
        ("channels", pa.int32()),
        ("agent_channel", pa.string()),
        ("mono", pa.bool_()),
        ("ring_seconds", pa.float64()),
        ("hangup_by", pa.string()),
        ("holds", SPANS),  # CTI holds; null = not exported
        ("status", pa.string()),  # ok | warning | rejected
        ("error", pa.string()),
        ("warnings", pa.list_(pa.string())),
        ("not_assessable", pa.list_(pa.string())),
        # Situational rules whose trigger occurred (a complaint, a silent line, ...),
        # violated or not: their 特殊情况处理 rubric items count on this call only.
        ("situations", pa.list_(pa.string())),
        # Rules a lawful ending script silenced: {rule_id: exemption id} (a transfer to
        # 班长席 needs no closing).
        ("exempted", pa.map_(pa.string(), pa.string())),
        ("asr_cached", pa.bool_()),
        ("asr_seconds", pa.float64()),
        # Mono calls: the two voice clusters (windows, centroids, separation); stereo
        # calls: the agent channel's voiceprint {embedding, seconds}; the seconds the voice
        # encoder took (part of asr_seconds).
        ("voice_seconds", pa.float64()),
        # A fresh call's seconds per stage (decode, echo, vad, asr, refill, voice); empty
        # when served from the transcript cache. benchmarks/throughput.py sums them.
        ("stage_seconds", pa.map_(pa.string(), pa.float64())),
        # Loudness per channel (agent/caller/mix): dBFS per 50 ms frame of the echo-free
        # signal, what the manner rules and the console's loudness lane read.
        ("level_track", pa.map_(pa.string(), pa.list_(pa.float32()))),
        # Pitch per channel: Hz per 50 ms frame, 0 where unvoiced (pipeline/speech/pitch.py).
        ("pitch_track", pa.map_(pa.string(), pa.list_(pa.float32()))),
        # Stereo: each window of the agent channel's speech, its cosine to the agent's own
        # voice and (when unlike it) to the caller's: what manner.side_talk reads.
        (
            "voice_checks",
            pa.list_(
                pa.struct(
                    [
                        ("start", pa.float64()),
                        ("end", pa.float64()),
                        ("own", pa.float64()),
                        ("caller", pa.float64()),
                    ]
                )
            ),
        ),
        ("voice", VOICE_TRACK),
        ("voiceprint", VOICEPRINT),
        # Transcript coverage per channel (agent/caller on stereo, mix on mono): seconds of
        # VAD speech, seconds of it without any word, covered share. `uncovered` holds the
        # stretches per channel: {channel: [[start_s, end_s], ...]}.
        ("agent_speech_s", pa.float64()),
        ("agent_uncovered_s", pa.float64()),
        ("agent_coverage", pa.float64()),
        ("caller_speech_s", pa.float64()),
        ("caller_uncovered_s", pa.float64()),
        ("caller_coverage", pa.float64()),
        # Caller speech that was transcribed: all of it with --caller-words full, else the
        # stretches around findings (the rules need only the agent's words).
        ("caller_transcribed_s", pa.float64()),
        ("mix_speech_s", pa.float64()),
        ("mix_uncovered_s", pa.float64()),
        ("mix_coverage", pa.float64()),
        ("uncovered", CHANNEL_SPANS),
        ("decoded", CHANNEL_SPANS),  # transcribed stretches, like `uncovered`
    ]
    # Recording diagnostics per channel: the other party's echo on this channel
    # (dB against its source, delay), what the cancellation left of it, line noise and
    # speech level (dBFS), clipped share of samples, echo words taken out of the transcript.
    + [
        (f"{ch}_{m}", pa.int64() if m == "echo_words" else pa.float64())
        for ch in CHANNELS
        for m in RECORDING_METRICS
    ]
    + [("recording", CHANNEL_METRICS)]  # the same as {channel: {metric: value}}
)

UTTERANCES = pa.schema(
    [
        ("call_id", pa.string()),
        ("speaker", pa.string()),
        ("start_s", pa.float64()),
        ("end_s", pa.float64()),
        ("text", pa.string()),
        ("words", pa.list_(WORD)),
        ("role_confidence", pa.float64()),
        # How it was said (scorers.manner.utterance_measures): loudness in dBFS
        # and against the speaker's median utterance in the call, pitch median (Hz) and
        # range (semitones, 10th to 90th percentile of voiced frames), characters per second.
        # Null where not measured (no tracks, no voiced frames).
        ("loudness_dbfs", pa.float64()),
        ("loudness_rel_db", pa.float64()),
        ("pitch_hz", pa.float64()),
        ("pitch_range_st", pa.float64()),
        ("rate_cps", pa.float64()),
    ]
)

SPEECH = pa.schema(
    [
        ("call_id", pa.string()),
        ("speaker", pa.string()),
        ("start_s", pa.float64()),
        ("end_s", pa.float64()),
    ]
)

FINDINGS = pa.schema(
    [
        ("finding_id", pa.string()),
        ("call_id", pa.string()),
        ("agent_id", pa.string()),
        ("rule_id", pa.string()),
        ("start_s", pa.float64()),
        ("end_s", pa.float64()),
        ("severity", pa.string()),
        ("evidence", pa.string()),
        ("confidence", pa.float64()),
        ("speaker", pa.string()),
        ("lexicon_entry", pa.string()),
        ("similarity", pa.float64()),
        ("detail", pa.string()),
        ("rubric_item", pa.string()),
        ("review", pa.string()),  # '' | confirmed | rejected
        # How the decision found this finding: 'id', or 'overlap' when the id changed
        # (a lexicon edit renumbered hits) and the decision re-attached by call, rule and time.
        ("review_match", pa.string()),
        ("counted", pa.bool_()),  # deducts in the score (not rejected on review)
        ("clip", pa.string()),
        # Situational findings: the trigger is start_s..trigger_end_s, the
        # agent's response window trigger_end_s..end_s; null for other rules.
        ("trigger_end_s", pa.float64()),
        # 待确认: below its rule's `sure` level, so it deducts only once confirmed
        # (counted = confirmed, or sure and not rejected).
        ("pending", pa.bool_()),
        # Its place in the review queue (scorers.queue.priority: -1 待确认, 0 veto, 1 low
        # confidence, 2 the rest, 4 decided), which the console's queue and the CLI's read.
        ("priority", pa.int8()),
        # Situational findings: what the agent said in the response window (`evidence` is
        # what set the situation off); null for other rules and for older nights.
        ("response_evidence", pa.string()),
        # The rule family that found it (scorers.types.RuleFamily); null for older nights.
        ("family", pa.string()),
    ]
)

CALL_SCORES = pa.schema(
    [
        ("call_id", pa.string()),
        ("agent_id", pa.string()),
        ("agent_name", pa.string()),
        ("team", pa.string()),
        ("started_at", pa.string()),
        ("score", pa.float64()),
        ("max_points", pa.float64()),
        ("veto", pa.bool_()),
        ("items", POINTS),
        ("violations", pa.int32()),
        ("manual_items", pa.list_(pa.string())),
        # Findings still 待确认 (not yet reviewed), and the score should they all be confirmed:
        # what the call stands to lose, shown apart from what it has lost.
        ("pending", pa.int32()),
        ("score_if_confirmed", pa.float64()),
    ]
)

AGENT_SCORECARDS = pa.schema(
    [
        ("agent_id", pa.string()),
        ("agent_name", pa.string()),
        ("team", pa.string()),
        ("period_type", pa.string()),
        ("period", pa.string()),
        ("calls", pa.int32()),
        ("mean_score", pa.float64()),
        ("prev_mean_score", pa.float64()),
        ("trend", pa.float64()),
        ("rank_in_team", pa.int32()),
        ("team_size", pa.int32()),
        ("veto_calls", pa.int32()),
        ("pending", pa.int32()),  # findings 待确认 on the period's calls, not yet deducted
        ("items", POINTS),  # {item_id: mean points}
        ("violations", COUNTS),  # {rule_id: count}
    ]
)

REJECTED = pa.schema(
    [
        ("source", pa.string()),
        ("call_id", pa.string()),
        ("item", pa.string()),
        ("reason", pa.string()),
    ]
)

REVIEWS = pa.schema(
    [
        ("finding_id", pa.string()),
        # What the inspector decided on, so the decision can re-attach if the id changes.
        ("call_id", pa.string()),
        ("rule_id", pa.string()),
        ("lexicon_entry", pa.string()),
        ("start_s", pa.float64()),
        ("end_s", pa.float64()),
        ("decision", pa.string()),
        ("comment", pa.string()),
        ("reviewer", pa.string()),
        ("decided_at", pa.string()),
    ]
)

# Inspectors' scores of the rubric's manual items (answer_accuracy, ...): appended to, the
# latest per (call, item) wins, like reviews. `points` awarded (0..the item's points);
# `violated` for items that are a yes/no (a veto item with no points).
MANUAL_SCORES = pa.schema(
    [
        ("call_id", pa.string()),
        ("item_id", pa.string()),
        ("points", pa.float64()),
        ("violated", pa.bool_()),
        ("comment", pa.string()),
        ("reviewer", pa.string()),
        ("decided_at", pa.string()),
    ]
)

# Agents' appeals (申诉), append-only: one row per step. An appeal is opened by the
# agent against a finding or a manual score, and upheld or overturned by an inspector; an
# overturned finding is rejected (a reviews row), an overturned manual score re-scored.
APPEALS = pa.schema(
    [
        ("appeal_id", pa.string()),
        ("kind", pa.string()),  # finding | manual
        ("finding_id", pa.string()),
        ("call_id", pa.string()),
        ("item_id", pa.string()),  # manual: the rubric item
        ("agent_id", pa.string()),
        ("step", pa.string()),  # opened | upheld | overturned
        ("text", pa.string()),  # the agent's reason, or the ruling's comment
        ("points", pa.float64()),  # manual, overturned: the new points
        ("who", pa.string()),
        ("at", pa.string()),
    ]
)

CLIPS = pa.schema(
    [
        ("finding_id", pa.string()),
        ("call_id", pa.string()),
        ("agent_id", pa.string()),
        ("rule_id", pa.string()),
        ("started_at", pa.string()),
        ("start_s", pa.float64()),
        ("end_s", pa.float64()),
        ("evidence", pa.string()),
        ("clip", pa.string()),
    ]
)

# Where ID-card and phone numbers were masked in the transcript: clips can bleep them.
REDACTIONS = pa.schema(
    [
        ("call_id", pa.string()),
        ("speaker", pa.string()),
        ("start_s", pa.float64()),
        ("end_s", pa.float64()),
    ]
)

# The agents' enrolled voices: one row per call that gave one (a stereo call's
# agent channel, or a mono call whose agent voice was decided with enrol_min_prob). Kept
# across runs into the same folder, one row per (call, audio); the enrolment of an agent is
# the seconds-weighted mean of their rows, a call's own row left out.
VOICEPRINTS = pa.schema(
    [
        ("agent_id", pa.string()),
        ("call_id", pa.string()),
        ("audio_sha256", pa.string()),
        ("source", pa.string()),  # stereo | mono
        ("seconds", pa.float64()),
        ("started_at", pa.string()),
        ("embedding", pa.list_(pa.float32())),
    ]
)

# An inspector's 标注 of one transcript line: which trigger class it is (投诉, 情绪激动 …) or
# "none" (不是 any): training data for the trigger model (`hotline-qa learn`). Appended only.
LINE_LABELS = pa.schema(
    [
        ("call_id", pa.string()),
        ("speaker", pa.string()),
        ("start_s", pa.float64()),
        ("end_s", pa.float64()),
        ("text", pa.string()),
        ("label", pa.string()),  # an intent class, or "none"
        ("reviewer", pa.string()),
        ("decided_at", pa.string()),
    ]
)

TABLES = {
    "calls": CALLS,
    "utterances": UTTERANCES,
    # The unredacted transcript as the rules read it, for `rescore` only; people read
    # `utterances`, where ID-card and phone numbers are masked.
    "internal_utterances": UTTERANCES,
    "speech": SPEECH,
    "findings": FINDINGS,
    "call_scores": CALL_SCORES,
    "agent_scorecards": AGENT_SCORECARDS,
    "rejected": REJECTED,
    "reviews": REVIEWS,
    "manual_scores": MANUAL_SCORES,
    "appeals": APPEALS,
    "redactions": REDACTIONS,
    "clips": CLIPS,
    "voiceprints": VOICEPRINTS,
    "line_labels": LINE_LABELS,
}

# Where a table lives in the output folder, when not at NAME.parquet.
TABLE_PATHS = {"internal_utterances": ".cache/utterances.parquet"}

# The tables every run and rescore rebuilds for people (reviews and manual scores are only
# ever appended to).
PUBLISHED = (
    "calls",
    "utterances",
    "speech",
    "findings",
    "call_scores",
    "agent_scorecards",
    "rejected",
    "redactions",
    "clips",
)

# Every table a run writes: the published ones and the internal transcript.
WRITTEN = (*PUBLISHED, "internal_utterances", "voiceprints")
