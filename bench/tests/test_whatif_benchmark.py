"""`python -m bench whatif --quick` prints what-if and cheapest-path timings with targets."""

from bench.__main__ import main


def test_quick_whatif_benchmark_prints_both_searches_and_targets(capsys):
    assert main(["whatif", "--quick"]) == 0
    printed = capsys.readouterr().out
    for text in (
        "what-if: 5 target points",
        "what-if: 1 replacement input",
        "cheapest path, as generated",
        "cheapest path, fields capped",
        "p95",
        "What-if target < 50 ms",
        "Cheapest path target < 1 s",
    ):
        assert text in printed
