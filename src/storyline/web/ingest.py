"""Adding articles from the browser (only with `--allow-ingest`): uploads and URLs through the pipeline."""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path, PurePath

from storyline.pipeline import analyze

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
_WRITER = threading.Lock()  # the store has one writer: requests queue rather than contend for the lock


class IngestError(ValueError):
    """The request itself is unusable (nothing given, too large): no article was attempted."""


@dataclass(frozen=True, slots=True)
class Upload:
    name: str
    content: bytes


def _safe_name(name: str, index: int) -> str:
    """The upload's base name only, so a crafted `../../x` cannot write outside the temp folder."""
    base = PurePath(name.replace("\\", "/")).name.lstrip(".") or "upload.html"
    return f"{index:03d}-{base}"


def urls_from(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def run(db: str, urls: list[str], uploads: list[Upload], model: str = "fast") -> dict[str, object]:
    """Run the pipeline over the URLs and uploaded files (statements by the finder `model`); private addresses stay refused."""
    if not urls and not uploads:
        raise IngestError("give at least one URL or file")
    if sum(len(u.content) for u in uploads) > MAX_UPLOAD_BYTES:
        raise IngestError(f"uploads larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
    bad = [u for u in urls if not u.lower().startswith(("http://", "https://"))]
    if bad:
        raise IngestError(f"not an http(s) URL: {bad[0]}")
    with tempfile.TemporaryDirectory(prefix="storyline-upload-") as folder, _WRITER:
        paths = []
        for i, upload in enumerate(uploads):
            path = Path(folder) / _safe_name(upload.name, i)
            path.write_bytes(upload.content)
            paths.append(str(path))
        summary = analyze([*paths, *urls], db, allow_private=False, model=model)
    return {
        "added": summary.added, "skipped": summary.skipped, "statements": summary.statements,
        "stories_updated": summary.stories_updated, "failed": summary.failed,
        "errors": [{"source": PurePath(e.source).name, "stage": e.stage, "reason": e.reason} for e in summary.errors],
    }  # fmt: skip
