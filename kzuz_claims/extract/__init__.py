"""Extraction: sentences, figures, periods and cues into typed claims."""

from kzuz_claims.extract.pipeline import Extraction, extract, extract_claims

__all__ = ["Extraction", "extract", "extract_claims"]
