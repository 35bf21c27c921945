"""Bad input ends with a non-zero status and one clear line per problem, located in the file."""

import pytest

from .cli_runner import EXAMPLES, run, score

FRAMEWORK = EXAMPLES / "commune-2022.yaml"
HEADER = "unit_code,unit_name,node,input,value\n"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_values_name_file_row_and_column(tmp_path):
    inputs = write(tmp_path, "in.csv", HEADER + "XA01,A,2.1,value,600/596\nXA01,A,3.2,value,kha\n")
    result = score(FRAMEWORK, inputs)
    assert result.status == 1
    assert result.out == ""
    assert result.err.splitlines() == [
        f"error: {inputs}:2:5: unit XA01, node 2.1, value: "
        "numerator 600 is greater than denominator 596",
        f"error: {inputs}:3:5: unit XA01, node 3.2, value: unknown choice 'kha' (one of: tot, dat)",
    ]


def test_an_unknown_node_points_at_its_row(tmp_path):
    inputs = write(tmp_path, "in.csv", HEADER + "XA01,A,1.1,value,true\nXA01,A,9.9,value,1\n")
    assert score(FRAMEWORK, inputs).err == (
        f"error: {inputs}:3:5: unit XA01, node 9.9: no such leaf in the framework\n"
    )


TWICE = "XA01,A,1.1,value,true\nXA01,A,1.1,value,false\n"
RENAMED = "XA01,A,1.1,value,true\nXA01,B,1.2,value,false\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("unit_code,unit_name,node,input,vaule\n", ":1:5: unknown column 'vaule'"),
        ("unit_code,node,input,value\n", ":1: missing column(s): unit_name"),
        (
            HEADER + "XA01,A,1.1,value,\n",
            ":2:5: value is empty (leave the row out for 'not answered')",
        ),
        (HEADER + ",A,1.1,value,true\n", ":2:1: unit_code is empty"),
        (HEADER + TWICE, ":3:4: unit XA01, node 1.1, input value is already given on row 2"),
        (HEADER + RENAMED, ":3:2: unit XA01 is named 'A' on an earlier row, 'B' here"),
    ],
)
def test_table_shape_mistakes(tmp_path, text, message):
    inputs = write(tmp_path, "in.csv", text)
    result = score(FRAMEWORK, inputs)
    assert (result.status, result.err) == (1, f"error: {inputs}{message}\n")


def test_framework_issues_name_the_node(tmp_path):
    text = FRAMEWORK.read_text(encoding="utf-8").replace('max: "3"\n', 'max: "4"\n', 1)
    framework = write(tmp_path, "set.yaml", text)
    result = score(framework, EXAMPLES / "commune-2022-inputs.csv")
    assert result.status == 1
    assert result.err == (
        f"error: {framework}: node 1, max: children's maxima add up to 3, not 4"
        ' (declare max_gap: "1" if intended)\n'
    )


def test_unreadable_files(tmp_path):
    missing = tmp_path / "nope.yaml"
    assert score(missing, EXAMPLES / "commune-2022-inputs.csv").err.startswith(
        f"error: {missing}: cannot read the file"
    )
    broken = write(tmp_path, "broken.yaml", "nodes: [\n")
    assert score(broken, EXAMPLES / "commune-2022-inputs.csv").err.startswith(
        f"error: {broken}:2:1: not valid YAML"
    )
    assert score(FRAMEWORK, tmp_path / "in.txt").err == (
        f"error: {tmp_path / 'in.txt'}: inputs are a .csv, .xlsx, .yaml or .yml file\n"
    )


def test_no_command_prints_help_and_unknown_ones_fail():
    assert run().status == 0
    assert "score" in run().out
    unknown = run("frobnicate")
    assert unknown.status == 2
    assert "usage: python -m parindex" in unknown.err
