"""Embrace: a defection-assistance programme platform."""
