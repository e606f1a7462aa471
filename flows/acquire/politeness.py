"""Politeness as plain asyncio and data: a host's share of slots and turns, Retry-After, conditional GETs.

No HTTP here; flows/acquire/fetch.py applies these to its requests.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from protego import Protego


@dataclass(slots=True)
class Host:
    """One origin's share of politeness: its own slots, its turn for the delay, its robots.txt."""

    slots: asyncio.Semaphore
    delay: float
    turn: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0
    robots: Protego | None = None
    robots_refusal: tuple[str, str] | None = None  # (reason, detail) every page is refused with: robots.txt unreadable
    robots_read: asyncio.Event | None = None


def conditional_headers(stored: dict[str, str] | None) -> dict[str, str]:
    """Request headers that make a server answer 304 for a page whose stored version is current."""
    stored = {k.lower(): v for k, v in (stored or {}).items()}
    headers = {}
    if stored.get("etag"):
        headers["If-None-Match"] = stored["etag"]
    if stored.get("last-modified"):
        headers["If-Modified-Since"] = stored["last-modified"]
    return headers


def retry_after(value: str | None) -> float | None:
    """Retry-After in seconds ("120") or as an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"); None if absent or unreadable."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)


async def wait_turn(host: Host) -> None:
    """Sleep until this host's next start; each start books the next one `delay` seconds later."""
    if host.delay <= 0:
        return
    async with host.turn:
        now = asyncio.get_running_loop().time()
        start = max(now, host.next_start)
        host.next_start = start + host.delay
    await asyncio.sleep(start - now)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def interleave_hosts(urls: Iterable[str]) -> list[str]:
    """Round robin over hosts, so workers waiting on a busy host's slots do not idle the others."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(origin(url), []).append(url)
    queues = list(by_host.values())
    return [queue[i] for i in range(max(map(len, queues), default=0)) for queue in queues if i < len(queue)]
