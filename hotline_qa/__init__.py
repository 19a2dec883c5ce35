"""The command line: it sits above flows/ (orchestration) and pipeline/ (adapters), as
WhisperX's __main__ sits above its transcribe; nothing below imports it."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hotline-qa")
except PackageNotFoundError:  # run from a checkout without installing
    __version__ = "0+unknown"
