"""Figures and explorers for the evidence theme (filled in by the one-way layers move)."""
