"""Cleaning what people type or paste: full-width characters, stray and ideographic spaces."""

import unicodedata


def clean_text(value: str | None) -> str:
    """NFKC-normalise (full-width digits and letters become ASCII) and trim spaces of every kind."""
    if value is None:
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip()
