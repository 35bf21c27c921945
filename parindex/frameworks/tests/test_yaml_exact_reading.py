import unicodedata

import pytest

from parindex.frameworks.problems import DocumentFormatError
from parindex.frameworks.yaml_format import load_yaml


def test_unquoted_decimals_stay_exact_text():
    assert load_yaml("max: 0.8042\nscale_to: 100.50\n") == {"max": "0.8042", "scale_to": "100.50"}


def test_yes_and_no_keys_stay_strings_while_true_false_are_booleans():
    doc = load_yaml("rule: {kind: yes_no, yes: '0.2', no: '0'}\nsurvey: true\n")
    assert doc["rule"] == {"kind": "yes_no", "yes": "0.2", "no": "0"}
    assert doc["survey"] is True


def test_unquoted_dates_and_numeric_codes_are_text():
    doc = load_yaml("due: 2022-01-31\ncode: 1\n")
    assert doc == {"due": "2022-01-31", "code": "1"}


def test_text_is_nfc_normalised():
    decomposed = unicodedata.normalize("NFD", "Tiêu chí")
    assert load_yaml(f"title: {decomposed}\n")["title"] == unicodedata.normalize("NFC", "Tiêu chí")


def test_syntax_error_names_the_line():
    with pytest.raises(DocumentFormatError) as caught:
        load_yaml("code: a\ntitle: [unclosed\nyear: 2022\n")
    assert caught.value.problems[0].row is not None
    assert caught.value.problems[0].row >= 2


def test_a_list_at_the_top_is_refused():
    with pytest.raises(DocumentFormatError, match="mapping"):
        load_yaml("- a\n- b\n")
