"""Load test: the story page under 8 concurrent readers while `storyline analyze` writes to the same store.

The store is built from a corpus; then `storyline serve` and a second `storyline analyze` (the same
articles again under new ids, so that it really writes) run as child processes, and a bounded number
of requests is sent from threads over 127.0.0.1. WAL lets the readers go on while the writer commits.

    python -m storyline.evaluate.load examples/corpus --requests 4000 --clients 8
"""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from statistics import quantiles
from typing import Annotated

import httpx
import typer

CLI = [sys.executable, "-c", "from storyline.cli import app; app()"]


@dataclass(frozen=True, slots=True)
class LoadResult:
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    during_ingest: float  # share of the run during which the writer was still running

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rewrite_table(db: Path, target: Path, copies: int) -> Path:
    """The store's articles `copies` times over under fresh ids, as a JSONL table for a writing run."""
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT id, outlet, title, published, text FROM articles ORDER BY id").fetchall()
    con.close()
    with target.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for aid, outlet, title, published, text in rows:
                row = {"id": f"load-{copy}-{aid}", "outlet": outlet, "title": title, "published": published, "text": text}
                out.write(json.dumps(row) + "\n")
    return target


def wait_until_up(url: str, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not answer within {timeout_s:g} s")


def hammer(url: str, requests: int, clients: int, writer: subprocess.Popen | None = None) -> LoadResult:
    """`requests` GETs of `url` from `clients` threads, one keep-alive connection each."""
    share = [requests // clients + (i < requests % clients) for i in range(clients)]

    def client(count: int) -> tuple[list[float], int, int]:
        latencies, errors, busy = [], 0, 0
        with httpx.Client(timeout=10) as session:
            for _ in range(count):
                began = time.perf_counter()
                try:
                    ok = session.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - began)
                errors += not ok
                busy += writer is not None and writer.poll() is None
        return latencies, errors, busy

    began = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(client, share))
    seconds = time.perf_counter() - began
    latencies = sorted(t for r in results for t in r[0])
    cuts = quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return LoadResult(
        requests=len(latencies), errors=sum(r[1] for r in results), seconds=seconds,
        p50_ms=cuts[49] * 1000, p95_ms=cuts[94] * 1000, during_ingest=sum(r[2] for r in results) / max(1, len(latencies)),
    )  # fmt: skip


def story_url(db: Path, base: str) -> str:
    """The story with the most articles: the heaviest story page."""
    with sqlite3.connect(db) as con:
        row = con.execute("SELECT story_id FROM story_articles GROUP BY story_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    con.close()
    if row is None:
        raise RuntimeError("the store has no stories")
    return f"{base}/story/{row[0]}"


def run(corpus: Path, workdir: Path, requests: int, clients: int, copies: int) -> LoadResult:
    db = workdir / "load.db"
    subprocess.run([*CLI, "analyze", str(corpus), "--db", str(db)], check=True, capture_output=True)
    table = rewrite_table(db, workdir / "more.jsonl", copies)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([*CLI, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    writer = None
    try:
        wait_until_up(f"{base}/")
        writer = subprocess.Popen([*CLI, "analyze", str(table), "--db", str(db)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        return hammer(story_url(db, base), requests, clients, writer)
    finally:
        for child in (writer, server):
            if child is not None:
                child.terminate()
                child.wait()


def main(
    corpus: Annotated[Path, typer.Argument(help="Folder or files to build the store from (e.g. examples/corpus).")],
    requests: Annotated[int, typer.Option(help="Requests in all.")] = 4000,
    clients: Annotated[int, typer.Option(help="Concurrent clients (threads, one connection each).")] = 8,
    copies: Annotated[int, typer.Option(help="How many times the writer re-adds the corpus under new ids.")] = 20,
) -> None:
    """Print requests/s, p50/p95 latency and errors on the story page while an ingest writes (target ≥ 200/s, p95 < 100 ms, 0 errors)."""
    with tempfile.TemporaryDirectory(prefix="storyline-load-") as scratch:
        result = run(corpus, Path(scratch), requests, clients, copies)
    print(f"{result.requests} requests, {clients} clients: {result.per_second:.0f} req/s, "
          f"p50 {result.p50_ms:.1f} ms, p95 {result.p95_ms:.1f} ms, {result.errors} errors, "
          f"{result.during_ingest:.0%} of requests while the ingest was writing")  # fmt: skip
    raise typer.Exit(1 if result.errors else 0)


if __name__ == "__main__":
    typer.run(main)
