"""Figures and explorers for the claims theme (filled in by the one-way layers move)."""
