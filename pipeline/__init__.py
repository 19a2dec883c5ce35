"""Adapters (audio, model, storage, clips, reports) and the per-call stages."""
