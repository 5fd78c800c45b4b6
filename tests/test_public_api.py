"""The package's public names as the README uses them: each callable works on every call, not just the first."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import storyline

SRC = Path(storyline.__file__).resolve().parents[1]

# Every public function of `storyline`, called twice in one fresh interpreter with small arguments. A new
# public function must be added here (the test fails until it is), so the check cannot silently miss it.
CALLS = """
import json, sys, tempfile, pathlib, storyline
page = "<html><head><title>Bridge</title></head><body><article><p>" + "The bridge reopened on Monday. " * 8 + \\
       '"It is safe again," said Anna Berg, the city engineer.</p></article></body></html>'
folder = pathlib.Path(tempfile.mkdtemp())
(folder / "a.txt").write_text("Bridge reopens\\n\\n" + "The bridge reopened on Monday. " * 8 +
                              '"It is safe again," said Anna Berg, the city engineer.\\n')
args = {
    "extract": ((page,), {"url": "https://example.org/news/1"}),
    "statements": (('"It is safe again," said Anna Berg.',), {}),
    "analyze": (([str(folder / "a.txt")],), {"db": str(folder / "s.db")}),
}
functions = sorted(n for n in storyline.__all__ if callable(getattr(storyline, n)) and not isinstance(getattr(storyline, n), type))
assert functions == sorted(args), f"public functions {functions}, test arguments for {sorted(args)}"
results = {}
for name in functions:
    positional, keywords = args[name]
    results[name] = [type(getattr(storyline, name)(*positional, **keywords)).__name__ for _ in range(2)]
print(json.dumps(results))
"""


def test_every_public_function_works_twice_in_a_fresh_interpreter():
    done = subprocess.run([sys.executable, "-c", CALLS], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(SRC), "HF_HUB_OFFLINE": "1"})  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout.splitlines()[-1])
    assert results == {"extract": ["Article"] * 2, "statements": ["list"] * 2, "analyze": ["RunSummary"] * 2}


def test_no_public_name_is_also_a_subpackage_or_module():
    """Importing `storyline.x` sets the attribute `x` on the package, replacing a function of that name."""
    modules = {m.name for m in pkgutil.iter_modules(storyline.__path__)}
    assert not modules & set(storyline.__all__)
