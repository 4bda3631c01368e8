"""kzuz_claims: check that the figures in news about Kazakhstan-Uzbekistan relations agree.

    >>> import kzuz_claims as kz
    >>> loaded = kz.load(["seeds/"])
    >>> extraction = kz.extract(loaded.documents)
    >>> report = kz.check(loaded.documents, extraction.claims, extraction.persons)
    >>> print(report.to_markdown())
    >>> kz.extract_quantities("Winds of up to 90 km/h; shares rose 0.65 per cent.")

Names are imported on first use, so `import kzuz_claims` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Claim": "kzuz_claims.model",
    "Config": "kzuz_claims.config",
    "Document": "kzuz_claims.model",
    "Extraction": "kzuz_claims.extract",
    "Finding": "kzuz_claims.model",
    "KzuzError": "kzuz_claims.errors",
    "LoadResult": "kzuz_claims.sources",
    "Period": "kzuz_claims.model",
    "Quantity": "kzuz_claims.model",
    "QuantityMention": "kzuz_claims.model",
    "Report": "kzuz_claims.model",
    "RuleContext": "kzuz_claims.rules",
    "RuleRegistry": "kzuz_claims.rules",
    "Severity": "kzuz_claims.model",
    "check": "kzuz_claims.engine",
    "extract": "kzuz_claims.extract",
    "extract_quantities": "kzuz_claims.extract.quantities",
    "load": "kzuz_claims.sources",
    "load_config": "kzuz_claims.config",
    "load_string": "kzuz_claims.sources",
    "rule": "kzuz_claims.rules",
}

__all__ = [
    "Claim",
    "Config",
    "Document",
    "Extraction",
    "Finding",
    "KzuzError",
    "LoadResult",
    "Period",
    "Quantity",
    "QuantityMention",
    "Report",
    "RuleContext",
    "RuleRegistry",
    "Severity",
    "__version__",
    "check",
    "extract",
    "extract_quantities",
    "load",
    "load_config",
    "load_string",
    "rule",
]

if TYPE_CHECKING:
    from kzuz_claims.config import Config, load_config
    from kzuz_claims.engine import check
    from kzuz_claims.errors import KzuzError
    from kzuz_claims.extract import Extraction, extract
    from kzuz_claims.extract.quantities import extract_quantities
    from kzuz_claims.model import (
        Claim,
        Document,
        Finding,
        Period,
        Quantity,
        QuantityMention,
        Report,
        Severity,
    )
    from kzuz_claims.rules import RuleContext, RuleRegistry, rule
    from kzuz_claims.sources import LoadResult, load, load_string


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kzuz_claims' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
