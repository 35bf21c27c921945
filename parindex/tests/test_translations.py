"""The Vietnamese catalogue is complete, not fuzzy, and compiled (.mo matches .po)."""

import ast
from pathlib import Path

from django.utils import translation

PO_FILE = Path(__file__).resolve().parents[2] / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def _unquote(line: str) -> str:
    return ast.literal_eval(line)  # PO strings are C-style quoted, like Python's


def _entries() -> list[dict]:
    """A small PO reader: enough for msgctxt/msgid/msgid_plural/msgstr[n] and flags."""
    entries, current, key = [], {}, None
    for raw in [*PO_FILE.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if current:
                entries.append(current)
            current, key = {}, None
        elif line.startswith("#,"):
            current["flags"] = line[2:]
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[key] += _unquote(line)
        else:
            key, _, value = line.partition(" ")
            current[key] = _unquote(value)
    return entries


ENTRIES = [e for e in _entries() if e.get("msgid")]


def test_catalogue_has_messages():
    assert len(ENTRIES) > 300


def test_every_message_is_translated():
    missing = [e["msgid"] for e in ENTRIES if not (e.get("msgstr") or e.get("msgstr[0]"))]
    assert missing == []


def test_no_fuzzy_translations():
    assert [e["msgid"] for e in ENTRIES if "fuzzy" in e.get("flags", "")] == []


def test_compiled_catalogue_matches_source():
    stale = []
    with translation.override("vi"):
        for entry in (e for e in ENTRIES if "msgstr" in e):
            context = entry.get("msgctxt")
            got = (
                translation.pgettext(context, entry["msgid"])
                if context
                else translation.gettext(entry["msgid"])
            )
            if got != entry["msgstr"]:
                stale.append(entry["msgid"])
    assert stale == [], "run `make messages` to recompile locale/vi"
