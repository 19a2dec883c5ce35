"""Persistence: the output folder, the table schemas, what a run was made of."""
