"""The Fetcher in a process of its own, so fetching and parsing each have a core and a GIL.

In one process a parsing thread starves the fetching one: measured here, a CPU-bound thread beside it
cut 32 concurrent fetches from 550 to 120 pages/s. The child holds the run's one httpx client; pages
come back pickled, in chunks, through a pipe whose reader the flow is. Same API as Fetcher.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable

from flows.acquire.fetch import Expansion, Fetcher, PageStream
from flows.settings import FetchPolicy

CHUNK = 64  # results a pipe message carries at most
STARTUP_SECONDS = 120  # the child imports httpx, lxml and courlan: seconds on a busy machine


class ProcessFetcher:
    """A Fetcher in a spawned child process: expand() and stream() as Fetcher's; close() ends the child.

    The child starts (~1-3 s) on the first call that has URLs, so a run of local files never pays for it.
    """

    def __init__(self, policy: FetchPolicy, max_bytes: int):
        self._policy, self._max_bytes = policy, max_bytes
        self._process = None

    def _start(self) -> None:
        if self._process is not None:
            return
        policy, max_bytes = self._policy, self._max_bytes
        context = multiprocessing.get_context("spawn")  # no fork of a process that runs Prefect's threads
        self._commands, child_commands = context.Pipe()
        self._results, child_results = context.Pipe(duplex=False)
        self._process = context.Process(target=_child_main, args=(policy, max_bytes, child_commands, child_results),
                                        name="newsfacts-fetch", daemon=True)
        self._process.start()
        child_commands.close()
        child_results.close()
        if not self._commands.poll(STARTUP_SECONDS) or self._commands.recv() != "ready":
            self.close()
            raise RuntimeError("the fetching process did not start")

    def __enter__(self) -> ProcessFetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def expand(self, sources: list[str], limit: int | None = None) -> Expansion:
        if not sources:
            return Expansion()
        self._start()
        self._commands.send(("expand", sources, limit))
        return self._commands.recv()

    def stream(self, urls: list[str], conditions: dict[str, dict[str, str]]) -> RemotePageStream:
        if not urls:
            return RemotePageStream(None, 0)
        self._start()
        self._commands.send(("stream", urls, conditions))
        return RemotePageStream(self._results, len(urls))

    def close(self) -> None:
        if self._process is None:
            return
        if self._process.is_alive():
            with contextlib.suppress(BrokenPipeError, OSError):
                self._commands.send(("close",))
            self._process.join(timeout=15)
        if self._process.is_alive():  # still pushing pages nobody reads: a run that stopped midway
            self._process.terminate()
            self._process.join(timeout=5)


class RemotePageStream:
    """PageStream's take() over the pipe from the child."""

    def __init__(self, results, total: int):
        self._results, self.total = results, total
        self._ahead: deque = deque()  # a chunk's results past the count a take asked for
        self.taken = 0
        self.exhausted = total == 0

    def take(self, count: int, on_progress: Callable[[int], None] | None = None, every: float = 1.0) -> list:
        """The next `count` results (fewer at the end); on_progress(results taken so far) at least every `every` s."""
        results: list = []
        while len(results) < count and (self._ahead or not self.exhausted):
            if not self._ahead and self._results.poll(every):
                chunk = self._results.recv()
                self.exhausted = chunk is None
                self._ahead.extend(chunk or [])
            while self._ahead and len(results) < count:
                results.append(self._ahead.popleft())
            if on_progress:
                on_progress(self.taken + len(results))
        self.taken += len(results)
        return results


def _child_main(policy: FetchPolicy, max_bytes: int, commands, results) -> None:
    """The child: one Fetcher for the run; commands in, expansions back, streams pumped into `results`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it closes the child
    with Fetcher(policy, max_bytes) as web:
        commands.send("ready")
        while True:
            try:
                command, *args = commands.recv()
            except EOFError:  # the parent is gone
                return
            if command == "expand":
                commands.send(web.expand(*args))
            elif command == "stream":
                threading.Thread(target=_pump, args=(web.stream(*args), results), daemon=True).start()
            else:
                return


def _pump(stream: PageStream, results) -> None:
    """Send a stream's results as they arrive, CHUNK at most a message, then None for its end."""
    try:
        while not stream.exhausted:
            chunk = stream.chunk(CHUNK, 0.2)
            if chunk:
                results.send(chunk)
        results.send(None)
    except (BrokenPipeError, OSError):  # the parent stopped reading
        pass
