"""kzuz_claims: extract the figures in news about Kazakhstan-Uzbekistan relations and check that they agree."""

__version__ = "0.1.0"
