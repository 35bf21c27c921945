"""`python -m bench engine --quick` prints the table with every step."""

from bench.__main__ import main


def test_quick_engine_benchmark_prints_every_step(capsys):
    assert main(["engine", "--quick"]) == 0
    printed = capsys.readouterr().out
    for step in (
        "floor",
        "load framework",
        "read inputs",
        "evaluate",
        "aggregate",
        "rank and group",
    ):
        assert step in printed
    assert "× floor" in printed
    assert "Explaining one unit's" in printed
