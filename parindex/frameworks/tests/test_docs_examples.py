"""The example files in docs/ stay valid, canonical, and the same set in both formats."""

from pathlib import Path

from parindex.frameworks.xlsx_format import read_xlsx
from parindex.frameworks.yaml_format import dump_yaml, load_yaml
from parindex.scoring import validate_framework

EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "examples"


def test_the_yaml_example_is_valid_and_canonical():
    text = (EXAMPLES / "criteria-set-example.yaml").read_text(encoding="utf-8")
    doc = load_yaml(text)
    assert validate_framework(doc) == []
    assert dump_yaml(doc) == text


def test_the_xlsx_example_is_the_same_set():
    yaml_doc = load_yaml((EXAMPLES / "criteria-set-example.yaml").read_bytes())
    assert read_xlsx((EXAMPLES / "criteria-set-example.xlsx").read_bytes()).document == yaml_doc
