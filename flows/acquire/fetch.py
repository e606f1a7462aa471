"""The one door to HTTP: pages, feeds and sitemaps fetched with one httpx.AsyncClient per run.

The client lives on an event loop in a thread of its own; the flow runs this Fetcher in a process of
its own (flows/acquire/worker.py), so parsing and fetching each have a core. Politeness: requests in
flight bounded overall and per host, robots.txt read once a run per host, an optional delay between two
requests to a host, retries with jittered backoff on what may pass (connection errors, timeouts, 429,
5xx). Every page that cannot be had is a Reject.
"""

from __future__ import annotations

import asyncio
import random
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx
from protego import Protego

from flows.acquire.local import make_document
from flows.acquire.politeness import Host, interleave_hosts, origin, retry_after, wait_turn
from flows.acquire.urls import ALLOWED_SCHEMES, looks_like_feed, normalize, read_listing, scheme_of
from flows.records import RawDocument, Reject
from flows.settings import FetchPolicy

# Media types taken as an article page; a body of any other type is not downloaded.
PAGE_TYPES = {"text/html": "text/html", "application/xhtml+xml": "text/html", "text/plain": "text/plain", "": "text/html"}
MAX_SITEMAP_DEPTH = 3  # an index of indexes of sitemaps, and no deeper
MAX_CRAWL_DELAY = 30.0  # seconds: a robots.txt Crawl-delay above this is read as this
# Connections per httpcore pool. A pool's bookkeeping scans all its connections, several times per request
# (measured here: 32 connections in one pool 120 requests/s, in 8 pools of 4 700 requests/s).
POOL_CONNECTIONS = 4


@dataclass(frozen=True, slots=True)
class NotModified:
    """A page the server says has not changed since the stored version (304 Not Modified)."""

    source: str


@dataclass(slots=True)
class Expansion:
    """Sources as article URLs: normalised, de-duplicated, feeds and sitemaps opened; refusals as rejects."""

    urls: list[str] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Reply:
    status: int
    url: str  # after redirects
    headers: dict[str, str]
    body: bytes


class _Refused(Exception):
    """A failure that another attempt would not mend: 404, too large, robots.txt says no."""

    def __init__(self, reason: str, detail: str, wait: float | None = None):
        super().__init__(detail)
        self.reason, self.detail, self.wait = reason, detail, wait


class _Retryable(_Refused):
    """A failure worth another attempt after `wait` seconds (None: the backoff decides)."""


class Fetcher:
    """One run's HTTP client and politeness state; use as a context manager, close() ends its thread."""

    def __init__(self, policy: FetchPolicy, max_bytes: int):
        self.policy, self.max_bytes = policy, max_bytes
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="newsfacts-fetch", daemon=True)
        self._thread.start()
        self._hosts: dict[str, Host] = {}
        self._client, self._slots = self._call(self._open())

    async def _open(self) -> tuple[httpx.AsyncClient, asyncio.Semaphore]:
        policy = self.policy
        timeout = httpx.Timeout(policy.read_timeout, connect=policy.connect_timeout)
        client = httpx.AsyncClient(timeout=timeout, transport=_ShardedTransport(policy.concurrency, policy.per_host),
                                   follow_redirects=True, max_redirects=policy.max_redirects,
                                   headers={"User-Agent": policy.user_agent}, trust_env=False)
        return client, asyncio.Semaphore(policy.concurrency)

    def _call(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._thread.is_alive():
            self._call(self._shutdown())
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
            self._loop.close()

    async def _shutdown(self) -> None:
        """Stop what is still fetching (a run that failed midway), then close the client's connections."""
        others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)
        await self._client.aclose()

    # --- sources -> article URLs

    def expand(self, sources: list[str], limit: int | None = None) -> Expansion:
        """URLs -> article URLs: feeds and sitemaps (by their path: .xml, .rss, /feed, sitemap...) opened,
        at most `limit` articles taken from each; the rest taken as articles. Normalised, no repeats."""
        found = Expansion()
        wanted = []
        for source in sources:
            if scheme_of(source) not in ALLOWED_SCHEMES:
                found.rejects.append(_scheme_reject(source))
            else:
                wanted.append(normalize(source))
        listed = self._call(self._expand_all(list(dict.fromkeys(wanted)), limit))
        for urls, rejects in listed:
            found.rejects += rejects
            for url in urls:
                if scheme_of(url) in ALLOWED_SCHEMES:
                    found.urls.append(normalize(url))
                else:
                    found.rejects.append(_scheme_reject(url))
        found.urls = list(dict.fromkeys(found.urls))
        return found

    async def _expand_all(self, urls: list[str], limit: int | None) -> list[tuple[list[str], list[Reject]]]:
        return await asyncio.gather(*(self._expand_one(url, limit) for url in urls))

    async def _expand_one(self, url: str, limit: int | None, depth: int = 0) -> tuple[list[str], list[Reject]]:
        """A feed's or sitemap's article URLs (an index's children opened in turn); any other URL as itself."""
        if depth == 0 and not looks_like_feed(url):
            return [url], []
        reply = await self._get(url, accept=None)
        if isinstance(reply, Reject):
            return [], [Reject("discover", url, reply.reason, reply.detail)]
        listing = read_listing(reply.body)
        if listing is None and depth > 0:
            return [], [Reject("discover", url, "not_a_listing", f"{url}, listed in a sitemap index, is no sitemap")]
        if listing is None:  # a page whose path looked like a feed's
            return [url], []
        articles = [urljoin(reply.url, link) for link in listing.articles][:limit]
        rejects: list[Reject] = []
        for child in listing.sitemaps:
            if (limit is not None and len(articles) >= limit) or depth >= MAX_SITEMAP_DEPTH:
                break
            more, refused = await self._expand_one(normalize(urljoin(reply.url, child)), None, depth + 1)
            articles += more
            rejects += refused
        if not articles and not rejects:
            rejects.append(Reject("discover", url, "empty_listing", f"the {listing.kind} at {url} lists no pages"))
        return articles[:limit], rejects

    # --- article URLs -> pages, in the background

    def stream(self, urls: list[str], conditions: dict[str, dict[str, str]]) -> PageStream:
        """Start fetching `urls` (request headers per URL from `conditions`); take the pages from the stream."""
        queue: asyncio.Queue = asyncio.Queue(maxsize=max(self.policy.buffer, 1))
        ordered = interleave_hosts(urls)
        asyncio.run_coroutine_threadsafe(self._produce(ordered, conditions, queue), self._loop)
        return PageStream(self, queue, len(urls))

    async def _produce(self, urls: list[str], conditions: dict, queue: asyncio.Queue) -> None:
        pending = iter(urls)

        async def worker() -> None:
            for url in pending:  # shared: each worker takes the next URL
                try:
                    result = await self.page(url, conditions.get(url, {}))
                except Exception as exc:  # noqa: BLE001 - one page's surprise must not stop the others, nor the stream
                    result = Reject("acquire", url, "fetch_error", f"{type(exc).__name__}: {exc}")
                await queue.put(result)

        await asyncio.gather(*(worker() for _ in range(min(self.policy.concurrency, len(urls)) or 1)))
        await queue.put(_DONE)  # workers never raise (but when cancelled by _shutdown, when nobody reads any more)

    async def page(self, url: str, headers: dict[str, str]) -> RawDocument | NotModified | Reject:
        """One article page: its bytes and headers as a RawDocument, NotModified, or why not."""
        reply = await self._get(url, headers=headers, accept=PAGE_TYPES)
        if isinstance(reply, Reject):
            return reply
        if reply.status == 304:
            return NotModified(url)
        media_type = PAGE_TYPES.get(_media_type(reply.headers), "text/html")
        return make_document(url, reply.body, media_type, {"headers": reply.headers, "final_url": reply.url})

    # --- one URL, with robots.txt, politeness and retries

    async def _get(self, url: str, *, headers: dict | None = None, accept: dict | None, robots: bool = True) -> _Reply | Reject:
        """GET with retries; `accept` the media types whose body is read (None: any)."""
        if scheme_of(url) not in ALLOWED_SCHEMES:
            return _scheme_reject(url)
        host = self._host(url)
        attempts = self.policy.retries + 1
        try:
            if robots and self.policy.obey_robots:
                await self._check_robots(url, host)
            for attempt in range(attempts):
                try:
                    return await self._attempt(url, headers or {}, accept, host)
                except _Retryable as failure:
                    if attempt + 1 == attempts:
                        raise _Refused(failure.reason, f"{failure.detail} (gave up after {attempts} attempts)") from None
                    await asyncio.sleep(failure.wait if failure.wait is not None else self._backoff(attempt))
        except _Refused as refusal:
            return Reject("acquire", url, refusal.reason, refusal.detail)
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int) -> float:
        """backoff * 2**attempt, jittered between half and all of it, so retries to one host spread out."""
        full = self.policy.backoff * 2 ** attempt
        return full / 2 + random.uniform(0, full / 2)

    async def _attempt(self, url: str, headers: dict, accept: dict | None, host: Host) -> _Reply:
        async with host.slots, self._slots:
            await wait_turn(host)
            try:
                async with asyncio.timeout(self.policy.total_timeout), self._client.stream("GET", url, headers=headers) as response:
                    _check_status(response, self.policy.max_retry_after)
                    if response.status_code == 304:
                        return _Reply(304, str(response.url), dict(response.headers), b"")
                    if accept is not None and _media_type(response.headers) not in accept:
                        raise _Refused("not_html", f"content type {_media_type(response.headers)!r} is not a web page")
                    body = await self._read_body(response)
                    return _Reply(response.status_code, str(response.url), dict(response.headers), body)
            except TimeoutError:
                raise _Retryable("timeout", f"no whole answer within {self.policy.total_timeout:g} s") from None
            except httpx.TimeoutException as exc:
                raise _Retryable("timeout", f"{type(exc).__name__}: timed out") from None
            except httpx.TooManyRedirects:
                raise _Refused("too_many_redirects", f"more than {self.policy.max_redirects} redirects") from None
            except httpx.UnsupportedProtocol as exc:
                raise _Refused("scheme_not_allowed", f"redirected to a URL that is not http or https: {exc}") from None
            except (httpx.DecodingError, httpx.InvalidURL) as exc:
                raise _Refused("bad_response", f"{type(exc).__name__}: {exc}") from None
            except httpx.TransportError as exc:
                raise _Retryable("connection_error", f"{type(exc).__name__}: {exc or 'connection failed'}") from None

    async def _read_body(self, response: httpx.Response) -> bytes:
        """The body, refused as soon as it passes max_bytes: a huge or endless answer is never held whole."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise _Refused("too_large", f"Content-Length {int(declared):,} bytes is over the {self.max_bytes:,} byte limit")
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise _Refused("too_large", f"the body passed the {self.max_bytes:,} byte limit while streaming")
            chunks.append(chunk)
        return b"".join(chunks)

    def _host(self, url: str) -> Host:
        key = origin(url)
        if key not in self._hosts:
            self._hosts[key] = Host(asyncio.Semaphore(self.policy.per_host), self.policy.host_delay)
        return self._hosts[key]

    async def _check_robots(self, url: str, host: Host) -> None:
        """Refuse a URL robots.txt disallows for our User-Agent; the file is read once per host and run."""
        if host.robots_read is None:
            host.robots_read = asyncio.Event()
            await self._read_robots(origin(url), host)
            host.robots_read.set()
        await host.robots_read.wait()
        if host.robots_refusal:
            raise _Refused(*host.robots_refusal)
        if host.robots is not None and not host.robots.can_fetch(url, self.policy.user_agent):
            raise _Refused("robots_disallowed", f"robots.txt of {origin(url)} disallows this path for {self.policy.user_agent}")

    async def _read_robots(self, origin: str, host: Host) -> None:
        """As RFC 9309 says: a 4xx means no rules; a 5xx or no answer means no page may be fetched."""
        reply = await self._get(f"{origin}/robots.txt", accept=None, robots=False)
        if isinstance(reply, _Reply):
            host.robots = Protego.parse(reply.body.decode("utf-8", errors="replace"))
            delay = host.robots.crawl_delay(self.policy.user_agent)
            host.delay = max(host.delay, min(float(delay or 0), MAX_CRAWL_DELAY))
        elif not reply.reason.startswith("http_4"):  # unreachable hosts keep their reason: connection_error, timeout
            reason = "robots_unavailable" if reply.reason.startswith("http_") else reply.reason
            host.robots_refusal = (reason, f"robots.txt of {origin} could not be read: {reply.detail}")


class _ShardedTransport(httpx.AsyncBaseTransport):
    """The client's connections in several small pools instead of one large one (see POOL_CONNECTIONS).

    A host's requests go to the least busy of its share of pools, consecutive from one its name picks,
    so its keep-alive connections are reused; requests in flight stay bounded by the Fetcher's semaphores.
    """

    def __init__(self, concurrency: int, per_host: int):
        count = -(-concurrency // POOL_CONNECTIONS)
        limits = httpx.Limits(max_connections=None, max_keepalive_connections=POOL_CONNECTIONS)
        self._pools = [httpx.AsyncHTTPTransport(limits=limits, trust_env=False) for _ in range(count)]
        self._busy = [0] * count
        self._share = min(count, -(-per_host // POOL_CONNECTIONS))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        first = zlib.crc32(request.url.netloc) % len(self._pools)
        pool = min(((first + i) % len(self._pools) for i in range(self._share)), key=self._busy.__getitem__)
        self._busy[pool] += 1
        try:
            response = await self._pools[pool].handle_async_request(request)
        except BaseException:
            self._busy[pool] -= 1
            raise
        return httpx.Response(response.status_code, headers=response.headers, extensions=response.extensions,
                              stream=_Released(response.stream, lambda: self._busy.__setitem__(pool, self._busy[pool] - 1)))

    async def aclose(self) -> None:
        for pool in self._pools:
            await pool.aclose()


class _Released(httpx.AsyncByteStream):
    """A response body that calls `release` once it is closed."""

    def __init__(self, stream, release: Callable[[], None]):
        self._stream, self._release = stream, release

    async def __aiter__(self):
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            self._release()


class PageStream:
    """Pages fetched in the background, taken by the flow batch by batch as they arrive.

    Bodies held at once are at most the queue (`buffer`), one per request in flight (`concurrency`),
    and the batch the flow is working on.
    """

    def __init__(self, fetcher: Fetcher, queue: asyncio.Queue, total: int):
        self._fetcher, self._queue, self.total = fetcher, queue, total
        self.taken = 0
        self.exhausted = total == 0

    def take(self, count: int, on_progress: Callable[[int], None] | None = None, every: float = 1.0) -> list:
        """The next `count` results (fewer at the end); on_progress(results taken so far) at least every `every` s."""
        results: list = []
        while len(results) < count and not self.exhausted:
            results += self.chunk(count - len(results), every)
            if on_progress:
                on_progress(self.taken + len(results))
        self.taken += len(results)
        return results

    def chunk(self, most: int, wait: float) -> list:
        """What has arrived, up to `most` results, after waiting at most `wait` s for the first."""
        if self.exhausted:
            return []
        items = self._fetcher._call(self._next(most, wait))
        self.exhausted = _DONE in items
        return [item for item in items if item is not _DONE]

    async def _next(self, most: int, wait: float) -> list:
        try:
            items = [await asyncio.wait_for(self._queue.get(), wait)]
        except TimeoutError:
            return []
        while len(items) < most and items[-1] is not _DONE and not self._queue.empty():
            items.append(self._queue.get_nowait())
        return items


_DONE = object()  # the stream's end


def _check_status(response: httpx.Response, max_retry_after: float) -> None:
    status = response.status_code
    what = f"HTTP {status} {response.reason_phrase}".strip()
    if status == 429 or status >= 500:
        wait = retry_after(response.headers.get("retry-after"))
        if wait is not None and wait > max_retry_after:
            raise _Refused(f"http_{status}", f"{what}, asked to wait {wait:.0f} s, more than {max_retry_after:g} s")
        raise _Retryable(f"http_{status}", what, wait)
    if status >= 400 or (300 <= status < 400 and status != 304):
        raise _Refused(f"http_{status}", what)


def _media_type(headers: dict | httpx.Headers) -> str:
    return headers.get("content-type", "").split(";")[0].strip().lower()


def _scheme_reject(source: str) -> Reject:
    return Reject("discover", source, "scheme_not_allowed", f"only http and https are fetched, not {scheme_of(source)}:")
