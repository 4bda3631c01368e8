"""The data model: pydantic v2, frozen, JSON round trip exact."""

from kzuz_claims.model._base import FrozenModel, Number
from kzuz_claims.model.claim import Claim, MetricKind, Modality, PersonMention, claim_id
from kzuz_claims.model.document import Document, PublishedBasis, Skipped, Suppression
from kzuz_claims.model.finding import Evidence, Finding, Gap, Severity
from kzuz_claims.model.mention import QuantityMention
from kzuz_claims.model.period import Period, PeriodBasis, PeriodKind
from kzuz_claims.model.quantity import Qualifier, Quantity
from kzuz_claims.model.report import Notice, Report
from kzuz_claims.model.span import Quote, Span

__all__ = [
    "Claim",
    "Document",
    "Evidence",
    "Finding",
    "FrozenModel",
    "Gap",
    "MetricKind",
    "Modality",
    "Notice",
    "Number",
    "Period",
    "PeriodBasis",
    "PeriodKind",
    "PersonMention",
    "PublishedBasis",
    "Qualifier",
    "Quantity",
    "QuantityMention",
    "Quote",
    "Report",
    "Severity",
    "Skipped",
    "Span",
    "Suppression",
    "claim_id",
]
