"""Documents fetched over HTTP(S), politely and safely.

Polite: robots.txt is obeyed and each host is asked at most once per `delay_s`. Safe: timeouts, a size
cap checked before and while reading, redirects followed by hand (at most MAX_REDIRECTS) so that every
hop's host is checked, content types checked, and private, loopback and link-local addresses refused
unless `allow_private` is given.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import SplitResult, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from storyline import __version__
from storyline.ingest.content import MAX_BYTES, problem_with
from storyline.ingest.errors import ingest_error
from storyline.model import Document, ErrorRecord

TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
DELAY_S = 1.0
# Media types an extractor can read, and the content type each becomes.
CONTENT_TYPES = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "text/plain": "text/plain",
}
USER_AGENT = f"storyline/{__version__} (news analysis)"
ROBOTS_MAX_BYTES = 512 * 1024


class Refused(Exception):
    """A fetch that must not go on; the message is the reason shown to the user."""


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    content: bytes
    media_type: str
    charset: str | None
    headers: Mapping[str, str] = field(default_factory=dict)
    not_modified: bool = False


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


@dataclass
class Fetcher:
    """One run's HTTP client: remembers each host's robots.txt and when it was last asked."""

    allow_private: bool = False
    delay_s: float = DELAY_S
    timeout_s: float = TIMEOUT_S
    max_bytes: int = MAX_BYTES
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, RobotFileParser] = field(default_factory=dict)

    def get(
        self, url: str, accept: Mapping[str, str] = CONTENT_TYPES, headers: Mapping[str, str] | None = None
    ) -> Response:
        """The response to a GET (304 gives `not_modified`); raises Refused or httpx errors."""
        if not self._robots_for(url).can_fetch(USER_AGENT, url):
            raise Refused("disallowed by the site's robots.txt")
        self._wait_for(split_url(url).netloc)
        return self._get(url, accept, headers or {})

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            time.sleep(max(0.0, last + self.delay_s - time.monotonic()))
        self._last[host] = time.monotonic()

    def _robots_for(self, url: str) -> RobotFileParser:
        parts = split_url(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._load_robots(f"{root}/robots.txt")
        return self._robots[root]

    def _load_robots(self, url: str) -> RobotFileParser:
        """RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one (5xx) nothing."""
        robots = RobotFileParser(url)
        try:
            response = self._get(url, {"text/plain": "text/plain"}, {}, max_bytes=ROBOTS_MAX_BYTES)
            robots.parse(response.content.decode("utf-8", errors="replace").splitlines())
        except Refused as exc:
            status = str(exc).removeprefix("HTTP ").split(" ")[0]
            robots.parse([] if not status.startswith("5") else ["User-agent: *", "Disallow: /"])
        except httpx.HTTPError:
            robots.parse(["User-agent: *", "Disallow: /"])
        return robots

    def _get(
        self, url: str, accept: Mapping[str, str], headers: Mapping[str, str], max_bytes: int | None = None
    ) -> Response:
        sent = {"User-Agent": USER_AGENT, "Accept": ", ".join(accept), **headers}
        with httpx.Client(timeout=self.timeout_s, follow_redirects=False, headers=sent) as client:
            current = url
            for _ in range(MAX_REDIRECTS + 1):
                check_host(current, allow_private=self.allow_private)
                with client.stream("GET", current) as response:
                    if response.is_redirect and "location" in response.headers:  # 304 is no redirect
                        try:
                            current = urljoin(current, response.headers["location"])
                        except ValueError as exc:
                            raise Refused(f"redirect to an invalid URL ({exc})") from exc
                        continue
                    return _read(response, accept, max_bytes or self.max_bytes)
        raise Refused(f"too many redirects (more than {MAX_REDIRECTS})")


def fetch(url: str, *, allow_private: bool = False, fetcher: Fetcher | None = None) -> Document | ErrorRecord:
    fetcher = fetcher or Fetcher(allow_private=allow_private)
    try:
        response = fetcher.get(url)
    except Refused as exc:
        return ingest_error(url, str(exc))
    except httpx.TimeoutException:
        return ingest_error(url, f"timed out after {fetcher.timeout_s:g} s")
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


def split_url(url: str) -> SplitResult:
    """`urlsplit`, with a malformed URL ("http://[broken", a port out of range) refused like any bad URL."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 — raises on a malformed port
    except ValueError as exc:
        raise Refused(f"not a valid URL ({exc}): {url}") from exc
    return parts


def check_host(url: str, *, allow_private: bool) -> None:
    """Refuse a URL whose host resolves to an address that is not on the public internet."""
    parts = split_url(url)
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


def _read(response: httpx.Response, accept: Mapping[str, str], max_bytes: int) -> Response:
    if response.status_code == 304:
        return Response(str(response.url), b"", "", None, dict(response.headers), not_modified=True)
    if not response.is_success:
        raise Refused(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in accept:
        raise Refused(f"unsupported content type {media_type or '(none)'!r}, expected {' or '.join(accept)}")
    too_large = Refused(f"response is larger than {max_bytes:,} bytes")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise too_large
    problem = problem_with(bytes(body), what="response")
    if problem:
        raise Refused(problem)
    return Response(str(response.url), bytes(body), media_type, response.charset_encoding, dict(response.headers))
