"""What every fuzz target shares: seed an empty corpus folder, then hand over to libFuzzer.

Run a target as `python fuzz/fuzz_NAME.py CORPUS_DIR [SEED_DIR...] -max_total_time=SECONDS`; libFuzzer
options go through unchanged. A crash leaves its input in a `crash-*` file (see `-artifact_prefix`),
to be turned into a regression test in tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import atheris


def main(test_one_input: Callable[[bytes], None], seeds: Callable[[], Iterable[bytes]] = tuple) -> None:
    """Write `seeds()` into the first corpus folder when it is empty, so a fresh run starts from valid input."""
    folders = [Path(arg) for arg in sys.argv[1:] if not arg.startswith("-")]
    if folders and folders[0].is_dir() and not any(folders[0].iterdir()):
        for number, seed in enumerate(seeds()):
            (folders[0] / f"seed-{number}").write_bytes(seed)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
