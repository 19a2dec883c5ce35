"""Rules, thresholds and the rubric as YAML data; this package only locates them."""

from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent
