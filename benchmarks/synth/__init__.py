"""Test-data generator: scripted calls → two-channel 8 kHz telephone recordings + labels.

Uses ../shared/tools/zh_tts (offline neural Mandarin TTS in its own venv). It is a
test-data tool only; nothing at run time imports it.
"""
