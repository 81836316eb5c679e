"""The benchmark's command line (python -m bot.benchmark)."""
import pytest

from bot.benchmark.cli import parse_args


def test_by_default_it_runs_every_part_and_the_issues_load_50_conversations_of_20_turns():
    args = parse_args([])
    assert (args.skip_nlu, args.skip_latency, args.skip_cluster) == (False, False, False)
    assert args.folds == 5
    assert args.concurrency == (1, 20, 50)
    assert (args.conversations, args.turns) == (50, 20)


def test_options_set_turns_folds_and_conversations():
    args = parse_args(["--turns", "4", "--folds", "3", "--conversations", "10"])
    assert (args.turns, args.folds, args.conversations) == (4, 3, 10)


def test_concurrency_levels_are_read_from_a_comma_list_sorted_without_repeats():
    assert parse_args(["--concurrency", "20, 1,5,1"]).concurrency == (1, 5, 20)


def test_each_part_can_be_skipped():
    assert parse_args(["--skip-nlu"]).skip_nlu
    assert parse_args(["--skip-latency"]).skip_latency


@pytest.mark.parametrize("argv", [
    ["--skip-nlu", "--skip-latency", "--skip-understanding", "--skip-corpora"],  # nothing left to measure
    ["--folds", "1"],                      # cross-validation needs two folds
    ["--turns", "0"],
    ["--turns", "1e9"],
    ["--conversations", "100000"],
    ["--concurrency", "1,,20"],
    ["--concurrency", "-3"],
])
def test_an_unusable_option_stops_with_a_usage_error(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        parse_args(argv)
    assert stopped.value.code == 2
    assert "error:" in capsys.readouterr().err
