"""Fixtures for rule tests.

The model factory (valid claims, documents, person mentions in one line each) lives
in `rule_factory.py` beside this file, as a plain module, so that tests/test_engine.py
can share it; tests here import it directly (`from rule_factory import claim, bn`).
"""

from __future__ import annotations

import pytest

from kzuz_claims.rules import RuleRegistry


@pytest.fixture
def registry() -> RuleRegistry:
    """A fresh registry of the built-in rules; tests may add to it freely."""
    return RuleRegistry.builtin()
