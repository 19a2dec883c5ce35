"""Inspectors' decisions and the review queue."""
