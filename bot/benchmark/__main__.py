"""`python -m bot.benchmark`: see bot/benchmark/cli.py for the options."""
import sys

from bot.benchmark.cli import main

if __name__ == "__main__":
    sys.exit(main())
