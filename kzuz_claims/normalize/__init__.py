"""Normalisation: the one pint registry, dates, and the intervals hedge words assert."""
