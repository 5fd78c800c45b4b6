"""Documents fetched over HTTP(S), refusing to reach into private networks unless told to.

Redirects are followed by hand so that every hop's host is checked before it is contacted.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from storyline import __version__
from storyline.ingest.content import problem_with
from storyline.ingest.errors import ingest_error
from storyline.model import Document, ErrorRecord

TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024
# Media types an extractor can read, and the content type each becomes.
CONTENT_TYPES = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "text/plain": "text/plain",
}
USER_AGENT = f"storyline/{__version__} (news analysis)"


class Refused(Exception):
    """A fetch that must not go on; the message is the reason shown to the user."""


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    content: bytes
    media_type: str
    charset: str | None


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def fetch(url: str, *, allow_private: bool = False) -> Document | ErrorRecord:
    try:
        response = _get(url, allow_private=allow_private)
    except Refused as exc:
        return ingest_error(url, str(exc))
    except httpx.TimeoutException:
        return ingest_error(url, f"timed out after {TIMEOUT_S:g} s")
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        return ingest_error(url, f"could not fetch ({exc.__class__.__name__}: {exc})")
    meta = {"url": response.url}
    if response.charset:
        meta["charset"] = response.charset
    return Document(
        uri=url,
        content=response.content,
        content_type=CONTENT_TYPES[response.media_type],
        origin="url",
        meta=meta,
    )


def check_host(url: str, *, allow_private: bool) -> None:
    """Refuse a URL whose host resolves to an address that is not on the public internet."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(f"not an http(s) URL: {url}")
    if allow_private:
        return
    for address in resolve(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)):
        if not address.is_global or address.is_multicast:
            raise Refused(
                f"host {parts.hostname} resolves to non-public address {address}; "
                "pass allow_private to fetch it"
            )


def resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise Refused(f"cannot resolve host {host} ({exc.strerror})") from exc
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def _get(url: str, *, allow_private: bool) -> Response:
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8"}
    with httpx.Client(timeout=TIMEOUT_S, follow_redirects=False, headers=headers) as client:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            check_host(current, allow_private=allow_private)
            with client.stream("GET", current) as response:
                if response.is_redirect:
                    current = urljoin(current, response.headers["location"])
                    continue
                return _read(response)
    raise Refused(f"too many redirects (more than {MAX_REDIRECTS})")


def _read(response: httpx.Response) -> Response:
    if not response.is_success:
        raise Refused(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in CONTENT_TYPES:
        raise Refused(f"unsupported content type {media_type or '(none)'!r}, expected HTML or text")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise Refused(f"page is larger than {MAX_BYTES // 2**20} MB")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > MAX_BYTES:
            raise Refused(f"page is larger than {MAX_BYTES // 2**20} MB")
    problem = problem_with(bytes(body), what="response")
    if problem:
        raise Refused(problem)
    return Response(str(response.url), bytes(body), media_type, response.charset_encoding)
