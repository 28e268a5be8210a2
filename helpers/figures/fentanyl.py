"""Figures and explorers for the fentanyl theme (filled in by the one-way layers move)."""
