"""One-off export of the GE2E voice encoder's weights from the resemblyzer wheel to numpy.

    .venv/bin/pip download resemblyzer==0.1.4 --no-deps -d /tmp/ge2e
    .venv/bin/python -m benchmarks.export_ge2e /tmp/ge2e/Resemblyzer-0.1.4-py3-none-any.whl

The wheel (PyPI, Apache-2.0) carries `pretrained.pt`, a checkpoint in torch's legacy
(non-zip) pickle format. Reading it needs no torch: the pickle names storages, whose raw
little-endian bytes follow it. Only the LSTM and linear weights are kept (the optimiser
state is dropped), as float16 in `pipeline/speech/models/ge2e.npz` (2.8 MB instead of 17 MB);
the encoder computes in float32. Installing resemblyzer itself would pull torch (several
GB) into the runtime for a 1.4 M-parameter network.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import struct
import sys
import zipfile
from pathlib import Path

import numpy as np

# resemblyzer/pretrained.pt in Resemblyzer-0.1.4-py3-none-any.whl (PyPI)
SOURCE_SHA256 = "39373b86598fa3da9fcddee6142382efe09777e8d37dc9c0561f41f0070f134e"
OUT = Path(__file__).resolve().parents[1] / "pipeline" / "speech" / "models" / "ge2e.npz"
DTYPES = {
    "FloatStorage": np.float32,
    "DoubleStorage": np.float64,
    "HalfStorage": np.float16,
    "LongStorage": np.int64,
    "IntStorage": np.int32,
    "ByteStorage": np.uint8,
    "BoolStorage": np.bool_,
}


class _Storage:
    def __init__(self, dtype, size):
        self.dtype, self.size, self.data = dtype, size, None


class _Tensor:
    def __init__(self, storage, offset, size, stride):
        self.storage, self.offset, self.size, self.stride = storage, offset, size, stride

    def array(self) -> np.ndarray:
        item = np.dtype(self.storage.dtype).itemsize
        return np.lib.stride_tricks.as_strided(
            self.storage.data[self.offset :],
            shape=tuple(self.size),
            strides=tuple(s * item for s in self.stride),
        ).copy()


def _rebuild_tensor(storage, offset, size, stride, *_):
    return _Tensor(storage, offset, size, stride)


class _Unpickler(pickle.Unpickler):
    def __init__(self, fh):
        super().__init__(fh)
        self.storages: dict[str, _Storage] = {}

    def find_class(self, module, name):
        if module == "torch._utils" and name.startswith("_rebuild_tensor"):
            return _rebuild_tensor
        if module == "torch" and name in DTYPES:
            return DTYPES[name]
        if module == "collections" and name == "OrderedDict":
            import collections

            return collections.OrderedDict
        if module == "torch" and name in ("device", "Size"):
            return lambda *a: a
        raise pickle.UnpicklingError(f"unexpected global {module}.{name}")

    def persistent_load(self, pid):
        _, dtype, key, _location, size, *_ = pid
        if key not in self.storages:
            self.storages[key] = _Storage(dtype, size)
        return self.storages[key]


def read_legacy_checkpoint(raw: bytes) -> dict:
    """torch.save's pre-1.6 format: magic, protocol, sys info, the object, storage keys,
    then each storage as an int64 element count and its bytes."""
    fh = io.BytesIO(raw)
    magic = pickle.load(fh)
    if magic != 0x1950A86A20F9469CFC6C:
        raise ValueError("not a legacy torch checkpoint")
    pickle.load(fh)  # protocol version
    pickle.load(fh)  # sys info
    up = _Unpickler(fh)
    obj = up.load()
    for key in pickle.load(fh):
        st = up.storages[key]
        (n,) = struct.unpack("<q", fh.read(8))
        st.data = np.frombuffer(fh.read(n * np.dtype(st.dtype).itemsize), dtype=st.dtype)
    return obj


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        raw = z.read("resemblyzer/pretrained.pt")
    sha = hashlib.sha256(raw).hexdigest()
    if sha != SOURCE_SHA256:
        raise SystemExit(f"pretrained.pt sha256 {sha}, expected {SOURCE_SHA256}: another wheel?")
    state = read_legacy_checkpoint(raw)["model_state"]
    arrays = {k: v.array() for k, v in state.items() if isinstance(v, _Tensor)}
    for k, a in arrays.items():
        print(f"  {k:24} {a.shape}")
    np.savez_compressed(
        OUT, **{k.replace(".", "__"): a.astype(np.float16) for k, a in arrays.items()}
    )
    print(f"pretrained.pt sha256 {sha}\nwrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main(sys.argv[1])
