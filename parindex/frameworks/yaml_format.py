"""Criteria sets as YAML: an exact reader and a canonical, lossless writer.

Pure Python (no Django): `python -m parindex score` reads framework files with it.

The reader differs from `yaml.safe_load` where YAML 1.1 would lose or change data:
- an unquoted number with a decimal point (`max: 0.8042`) is kept as its exact text, never a
  float; an unquoted date (`due: 2022-01-31`) is kept as its text;
- only true/false are booleans: `yes:` and `no:` (keys of the yes_no rule) stay strings;
- every string is NFC-normalised and trimmed, and node codes are text (`code: 1` -> "1").

The writer emits keys in canonical order (see canonical.py), multi-line text as `|` blocks and
never folds long lines, so export -> import -> export is byte-identical.
"""

import re
from typing import Any

import yaml

from parindex.frameworks.canonical import ordered_document
from parindex.frameworks.problems import DocumentFormatError, Problem
from parindex.textnorm import nfc

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class ExactLoader(yaml.SafeLoader):
    """SafeLoader without floats, dates or yes/no booleans (see module docstring)."""


ExactLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ExactLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
ExactLoader.add_constructor("tag:yaml.org,2002:float", yaml.SafeLoader.construct_yaml_str)
ExactLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


class CanonicalDumper(yaml.SafeDumper):
    """Indented lists, `|` blocks for multi-line text, no anchors."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


CanonicalDumper.add_representer(str, _represent_str)


def normalise_text(value: Any, key: Any = None) -> Any:
    """NFC-normalise every string of a loaded document; node and set codes become text."""
    if isinstance(value, dict):
        return {normalise_text(k): normalise_text(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise_text(v) for v in value]
    if isinstance(value, str):
        return nfc(value)
    if key == "code" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def parse_yaml_value(text: str) -> Any:
    """Parse a YAML (or JSON) fragment with the exact rules; raises yaml.YAMLError."""
    return normalise_text(yaml.load(text, Loader=ExactLoader))  # noqa: S506 - a SafeLoader


def load_yaml(text: str | bytes) -> dict:
    """A framework document from YAML text; DocumentFormatError with the line if unreadable."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentFormatError([Problem(f"The file is not UTF-8 text ({exc}).")]) from exc
    try:
        doc = parse_yaml_value(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc)
        problem = Problem(
            f"Not valid YAML: {reason}.",
            row=mark.line + 1 if mark else None,
            column=str(mark.column + 1) if mark else "",
        )
        raise DocumentFormatError([problem]) from exc
    if not isinstance(doc, dict):
        raise DocumentFormatError([Problem("The file must hold one mapping (code:, title:, …).")])
    return doc


def dump_yaml(doc: dict) -> str:
    """Canonical YAML text of a framework document (UTF-8, Vietnamese left as is)."""
    return yaml.dump(
        ordered_document(doc),
        Dumper=CanonicalDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )


def dump_yaml_block(value: Any) -> str:
    """Block YAML of a value as given (a rule config in a form's text area)."""
    return yaml.dump(
        value,
        Dumper=CanonicalDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )


def dump_yaml_flow(value: Any) -> str:
    """One-line YAML of a value (a rule config in a spreadsheet cell)."""
    text = yaml.dump(
        value,
        Dumper=CanonicalDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=True,
        width=1_000_000,
    )
    return text.strip()
