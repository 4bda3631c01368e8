"""Extraction: sentences, figures, periods and cues into typed claims."""

from kzuz_claims.extract.pipeline import Extraction, extract, extract_claims
from kzuz_claims.extract.quantities import extract_quantities

__all__ = ["Extraction", "extract", "extract_claims", "extract_quantities"]
