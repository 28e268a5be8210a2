"""Figures and explorers for the oil theme (filled in by the one-way layers move)."""
