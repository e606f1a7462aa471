"""What a run is given -> what it will read: local files, and article URLs from URLs, URL lists, feeds and sitemaps."""

from __future__ import annotations

from pathlib import Path

from flows.acquire.fetch import Fetcher, NotModified
from flows.acquire.local import Discovery, discover
from flows.acquire.politeness import conditional_headers
from flows.acquire.urls import is_url, parse_url_list
from flows.acquire.worker import ProcessFetcher
from flows.records import RawDocument, Reject


def find_sources(paths: list[str], url_files: list[str], limit: int | None, web: Fetcher | ProcessFetcher) -> Discovery:
    """Files under the local paths; article URLs from the URLs among `paths`, the URL files, and the feeds
    and sitemaps among them (at most `limit` articles from each). Normalised and without repeats."""
    local = [p for p in paths if not is_url(p)]
    found = discover(local) if local else Discovery()
    urls = [p for p in paths if is_url(p)]
    for url_file in url_files:
        listed, refusal = read_url_file(url_file)
        urls += listed
        found.rejects += refusal
    if urls:
        expansion = web.expand(urls, limit)
        found.urls = expansion.urls
        found.rejects += expansion.rejects
    return found


UNREACHABLE = ("not_found", "unreadable", "unreadable_folder")  # discovery's reasons for a source it could not open


class NothingToRead(RuntimeError):
    """Every source of a run was missing or unreadable: a misconfigured deployment, not a quiet empty run."""


def require_something_to_read(found: Discovery) -> None:
    """Raise NothingToRead when discovery found nothing and refused every source as missing or unreadable
    (an inbox folder that does not exist, a URL list that cannot be read). An empty folder is no failure:
    a scheduled run on an inbox with nothing new is a normal one."""
    unreachable = [r for r in found.rejects if r.stage == "discover" and r.reason in UNREACHABLE]
    if found.files or found.urls or not unreachable or len(unreachable) < len(found.rejects):
        return
    raise NothingToRead("nothing to read, every source was refused: " + "; ".join(r.detail for r in unreachable))


def read_url_file(path: str) -> tuple[list[str], list[Reject]]:
    """The URLs of a list file (one a line, `#` comments), or a reject if it cannot be read."""
    try:
        return parse_url_list(Path(path).expanduser().read_text(encoding="utf-8-sig")), []
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Reject("discover", path, "unreadable", f"cannot read the URL list {path}: {exc}")]


def conditions_of(urls: list[str], stored: dict[str, dict]) -> dict[str, dict[str, str]]:
    """URL -> If-None-Match / If-Modified-Since from the headers stored with its loaded version (by URL)."""
    return {url: headers for url in urls if (headers := conditional_headers(stored.get(url)))}


def sort_pages(results: list) -> tuple[list[RawDocument], list[Reject], list[str]]:
    """A stream's results as documents to triage, rejects, and the sources a server said are unchanged."""
    documents = [r for r in results if isinstance(r, RawDocument)]
    rejects = [r for r in results if isinstance(r, Reject)]
    not_modified = [r.source for r in results if isinstance(r, NotModified)]
    return documents, rejects, not_modified
