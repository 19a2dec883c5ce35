"""One call: the typed call record and the per-call ASR stage."""
