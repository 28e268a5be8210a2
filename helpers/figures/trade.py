"""Figures and explorers for the trade theme (filled in by the one-way layers move)."""
