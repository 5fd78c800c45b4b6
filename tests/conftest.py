"""Shared fixtures: where the evaluation data and seed articles live beside the repository; a PostgreSQL."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The two seed articles; tests that need them skip cleanly when shared/ is absent."""
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("../shared/seeds is not present")
    return folder


# ---- a real PostgreSQL for the PostgreSQL store's tests --------------------------------------------


PG_SUPERUSER = "storyline"


@dataclass(frozen=True, slots=True)
class PostgresServer:
    """A throwaway server listening only on a Unix socket in `socket_dir`, with trust authentication."""

    socket_dir: Path
    user: str = PG_SUPERUSER

    def url(self, database: str) -> str:
        return f"postgresql://{self.user}@{quote(str(self.socket_dir), safe='')}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database (dropped first if a test made it before); its URL."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def postgres_bin() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else the newest /usr/lib/postgresql/*/bin (Debian)."""
    on_path = shutil.which("pg_ctl")
    candidates = [Path(on_path).parent] if on_path else []
    versions = [d for d in Path("/usr/lib/postgresql").glob("*/bin") if d.parent.name.isdigit()]
    candidates += sorted(versions, key=lambda d: int(d.parent.name), reverse=True)
    return next((d for d in candidates if (d / "initdb").is_file() and (d / "pg_ctl").is_file()), None)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """initdb + pg_ctl in a temp folder; as root the server runs as `nobody`, since PostgreSQL refuses root."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[postgres]'): PostgreSQL tests skip")
    bindir = postgres_bin()
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on PATH or in /usr/lib/postgresql/*/bin")
    run_as: dict[str, int] = {}
    folder = Path(tempfile.mkdtemp(prefix="storyline-pg-"))  # short: a socket path has at most 107 bytes
    if os.geteuid() == 0:
        try:
            nobody = pwd.getpwnam("nobody")
        except KeyError:
            pytest.skip("running as root and there is no `nobody` user to run PostgreSQL as")
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
        run_as = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
    data, log = folder / "data", folder / "server.log"

    def pg(*args: str) -> None:
        done = subprocess.run([str(bindir / args[0]), *args[1:]], cwd=folder, capture_output=True, text=True, **run_as)
        if done.returncode:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stderr or done.stdout}\n{tail}")

    try:
        pg("initdb", "-D", str(data), "-U", PG_SUPERUSER, "--auth=trust", "--locale=C", "-E", "UTF8", "--no-sync")
        options = f"-c listen_addresses='' -k {folder} -c fsync=off -c full_page_writes=off"
        pg("pg_ctl", "-D", str(data), "-l", str(log), "-o", options, "-w", "start")
        try:
            yield PostgresServer(folder)
        finally:
            pg("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
