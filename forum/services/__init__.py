"""Writes: one function per use case, each one transaction (see forum/services/*.py)."""
