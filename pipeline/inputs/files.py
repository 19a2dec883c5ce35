"""Local paths or pyarrow filesystem URIs (file://, s3://, ...) for the batch folder.

Workers on several hosts then read recordings from shared storage. Only byte streams
are opened here; decoding stays in pipeline/speech/audio.py.
"""

from __future__ import annotations

import os
import posixpath

from pyarrow import fs as pafs


def resolve(location: str) -> tuple[pafs.FileSystem, str]:
    if "://" in location:
        return pafs.FileSystem.from_uri(location)
    return pafs.LocalFileSystem(), os.path.abspath(location)


def is_uri(location: str) -> bool:
    return "://" in location


def join(base: str, rel: str) -> str:
    return posixpath.join(base, rel) if is_uri(base) else os.path.join(base, rel)


def parent(location: str) -> str:
    if is_uri(location):
        return location.rsplit("/", 1)[0]
    return os.path.dirname(os.path.abspath(location))


def read_bytes(location: str) -> bytes:
    fs, path = resolve(location)
    with fs.open_input_stream(path) as fh:
        return fh.read()


def size(location: str) -> int | None:
    """Bytes, or None when there is no such file."""
    fs, path = resolve(location)
    info = fs.get_file_info(path)
    return None if info.type != pafs.FileType.File else info.size


def open_input(location: str):
    """A seekable binary file object (what PyAV needs)."""
    if not is_uri(location):
        return open(location, "rb")
    fs, path = resolve(location)
    return fs.open_input_file(path)


def list_files(base: str) -> list[str]:
    """Paths of every file below `base`, relative to it."""
    fs, root = resolve(base)
    sel = pafs.FileSelector(root, recursive=True)
    return sorted(
        posixpath.relpath(i.path, root)
        for i in fs.get_file_info(sel)
        if i.type == pafs.FileType.File
    )


def stat_listing(base: str) -> list[tuple[str, int, int]]:
    """(relative path, size, mtime ns) of every file below `base`: what changed since a run."""
    fs, root = resolve(base)
    sel = pafs.FileSelector(root, recursive=True)
    return sorted(
        (
            posixpath.relpath(i.path, root),
            i.size,
            int(i.mtime.timestamp() * 1e9) if i.mtime else 0,
        )
        for i in fs.get_file_info(sel)
        if i.type == pafs.FileType.File
    )
