"""The speech front end of one call: what each channel's own speaker said, and when.

Stereo calls first have each other's echo taken out (`pipeline.echo`); VAD then runs on
what is left, a frame counts only where it beats the echo's leftover, and long stretches
far below the channel's own voice (neighbours' babble) are dropped. Timing rules,
the speech store and the ASR stage's coverage check all use this own speech, and ASR
decodes the echo-free signal. The diagnostics of every channel (echo, noise floor, speech
level, clipping) go to calls.parquet.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass

import numpy as np

from pipeline.speech import asr, echo
from scorers.types import Interval

SR = asr.SR


@dataclass(frozen=True)
class Channel:
    signal: np.ndarray  # what ASR decodes: the recording with the other channel's echo out
    speech: list[Interval]  # own speech
    heard: list[Interval]  # VAD on the recording as captured (echo included)
    diag: dict  # echo_db, echo_delay_ms, leftover_db, noise_dbfs, speech_dbfs, clipping


def signals(samples: np.ndarray) -> tuple[list[np.ndarray], list[echo.Separated] | None]:
    """Each channel's signal for ASR; the separation when the call has echo."""
    if samples.shape[0] != 2:
        return [samples[0]], None
    sep = echo.separate(samples, SR)
    if not any(s.path.detected for s in sep):
        return [samples[0], samples[1]], None
    return [s.residual for s in sep], sep


def channels(
    samples: np.ndarray, s: asr.AsrSettings, clock=lambda stage: nullcontext()
) -> list[Channel]:
    """`clock(stage)`: a context manager timing the echo and VAD stages."""
    with clock("echo"):
        sig, sep = signals(samples)
    out = []
    for k, x in enumerate(sig):
        with clock("vad"):
            heard = asr.speech_intervals(samples[k], s)
        diag: dict = {"echo_db": None, "echo_delay_ms": None, "leftover_db": None}
        if sep is not None and sep[k].path.detected:
            with clock("echo"):
                own, leftover = echo.own_frames(sep[k].residual, sep[k].echo, SR)
            with clock("vad"):
                vad = asr.speech_intervals(x, s)
            speech = [
                Interval(a, b) for a, b in echo.keep_own([(iv.start, iv.end) for iv in vad], own)
            ]
            diag.update(
                echo_db=round(sep[k].path.gain_db, 1),
                echo_delay_ms=round(sep[k].path.delay_ms, 1),
                leftover_db=round(10 * np.log10(leftover), 1) if leftover > 0 else None,
            )
        else:
            speech = heard
        if samples.shape[0] == 2:
            # Neighbours' voices far below the headset wearer's (stereo only: on a mono mix a
            # quiet caller is as far below the agent).
            own = [(iv.start, iv.end) for iv in speech]
            with clock("vad"):
                speech = [Interval(a, b) for a, b in echo.drop_background(x, SR, own)]
        lv = echo.levels(samples[k], SR, [(iv.start, iv.end) for iv in speech])
        diag.update(noise_dbfs=lv.noise_dbfs, speech_dbfs=lv.speech_dbfs, clipping=lv.clipping)
        out.append(Channel(x, speech, heard, diag))
    return out
