"""Records into tables, and a run's outputs written and read back: one publish path."""
