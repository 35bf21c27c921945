"""Vietnamese text normalisation: NFC for storage, an accent-free fold for search.

SQLite's LIKE does not fold Vietnamese case or accents, and PostgreSQL's ILIKE folds case but
not accents, so every searchable model keeps a `search_text` column filled with `fold()`.
"""

import unicodedata


def nfc(text: str) -> str:
    """Compose text to NFC and trim it: what every text input is stored as."""
    return unicodedata.normalize("NFC", text).strip()


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced: 'ĐÁNH  Giá' -> 'danh gia'."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # đ/Đ are letters of their own, not d plus a combining mark.
    return " ".join(stripped.replace("đ", "d").split())
