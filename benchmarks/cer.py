"""Character error rate on real human Mandarin (../shared/voices, the clips with a transcript),
at the telephone band, for each way this project decodes a channel.

    .venv/bin/python -m benchmarks.cer [--voices ../shared/voices]

(a) faster-whisper defaults (beam 5, no VAD): the obvious script's decoding
(b) a channel with faster-whisper's VAD and one pass (`--batch-size 0`)
(c) (b) + coverage check, uncovered speech decoded again
(d) the caller's turns near findings: VAD stretches joined into one stream
    (`asr.transcribe_stretches`) + coverage check
(e) a channel now: speech packed into 30 s clips, decoded in batches
    (`asr.transcribe_channels`) + coverage check
Real voices are test material only (see ../shared/voices/README.md); nothing is shipped.
"""

from __future__ import annotations

import argparse
import csv
import os
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    import numpy as np
    import soundfile as sf
    from rapidfuzz.distance import Levenshtein
    from scipy.signal import resample_poly

    from benchmarks.synth.callgen import telephone
    from pipeline.speech import asr, audio
    from scorers.text import normalize

    ap = argparse.ArgumentParser()
    ap.add_argument("--voices", default=str(ROOT.parent / "shared" / "voices"))
    args = ap.parse_args()
    voices = Path(args.voices)
    rows = [
        r
        for r in csv.DictReader(open(voices / "manifest.tsv", encoding="utf-8"), delimiter="\t")
        if r["transcript"].strip() and "[S" not in r["transcript"]
    ]
    s = asr.AsrSettings()
    model = asr.get_model(s)
    errs = {k: 0 for k in "abcde"}
    old = replace(s, batch_size=0)
    n_chars = 0
    tmp = Path(tempfile.mkdtemp())
    print(f"{len(rows)} clips with a transcript")
    for r in rows:
        x, sr = sf.read(voices / r["file"], dtype="float32")
        x = 0.1 * x / (np.sqrt(np.mean(x**2)) + 1e-9)  # levels vary by 30 dB between clips
        tel = telephone(resample_poly(x, 1, sr // 8000), np.random.default_rng(0))
        sf.write(tmp / "t.wav", tel, 8000)
        y = audio.load(str(tmp / "t.wav"), 1)[0]
        speech = asr.speech_intervals(y, s)
        segs, _ = model.transcribe(y, language="zh")
        hyp = {"a": "".join(seg.text for seg in segs)}
        first = asr.transcribe_channels([y], old, [speech], [])[0]
        hyp["b"] = "".join(w.text for w in first)
        hyp["c"] = "".join(w.text for w in asr.fill_uncovered(y, s, speech, first, [])[0])
        ctx = asr.transcribe_stretches(y, s, speech, [])
        hyp["d"] = "".join(w.text for w in asr.fill_uncovered(y, s, speech, ctx, [])[0])
        now = asr.transcribe_channels([y], s, [speech], [])[0]
        hyp["e"] = "".join(w.text for w in asr.fill_uncovered(y, s, speech, now, [])[0])
        ref = normalize(r["transcript"])
        n_chars += len(ref)
        line = []
        for k, h in hyp.items():
            e = Levenshtein.distance(ref, normalize(h))
            errs[k] += e
            line.append(f"{k} {e / max(1, len(ref)):.2f}")
        print(f"  {r['file']:40} {len(ref):4d} chars  " + "  ".join(line))
    names = {
        "a": "faster-whisper defaults (obvious script)",
        "b": "a channel with faster-whisper's VAD and one pass",
        "c": "a channel decoded clip by clip (+ coverage re-decode)",
        "d": "caller turns near findings (joined stream)",
        "e": "a channel now (batched clips + coverage)",
    }
    print(f"\nCER over {n_chars} reference characters:")
    for k, name in names.items():
        print(f"  ({k}) {name:46} {errs[k] / n_chars:.3f}")


if __name__ == "__main__":
    main()
