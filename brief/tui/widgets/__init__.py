"""Widgets of the reader drawn line by line (no widget per row)."""
