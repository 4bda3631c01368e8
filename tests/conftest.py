"""Test-suite wide setup: make tests/extract helpers importable by their module name."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "extract"))
