"""Loading articles: files, folders and strings into Documents, with their dates.

    result = load(["seeds/"])
    result.documents   # Documents, in input order
    result.skipped     # files that are not articles, each with the reason

Publication dates come from the ` date YYYY-MM-DD` header line, YAML front matter, a
`sources.toml` beside the files, or evidence in the text (see
`kzuz_claims.normalize.dates.infer_published`), in that order; never from the clock.
"""

from kzuz_claims.sources._load import (
    ARTICLE_SUFFIXES,
    DEFAULT_MAX_BYTES,
    LoadResult,
    load,
    load_string,
)
from kzuz_claims.sources._metadata import SIDECAR_NAME

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "SIDECAR_NAME",
    "LoadResult",
    "load",
    "load_string",
]
