"""A real HTTP/1.1 server on 127.0.0.1, in a thread, serving pages a test registers: for the fetch tests and bench.

    with serve() as site:
        site.page("/a.html", "<html>...</html>")             # 200, with an ETag; 304 when it matches
        site.route("/flaky", [Answer(500), Answer(200, b"...")])  # one answer per request, the last repeated
        fetch(site.url("/a.html"))
        site.hits["/a.html"]                                  # requests it got; site.full[...] the 200s
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Answer:
    """One response: status, headers, body; `delay` seconds before it; `chunked` streams the body in pieces."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunked: bool = False


class Site:
    """The routes of the server and what it was asked: hits per path, full (200) answers, request headers."""

    def __init__(self, host: str, port: int):
        self.base = f"http://{host}:{port}"
        self.routes: dict[str, list[Answer]] = {}
        self.hits: Counter = Counter()
        self.full: Counter = Counter()
        self.seen_headers: dict[str, list[dict]] = defaultdict(list)
        self.in_flight = 0
        self.most_in_flight = 0  # the most requests it was answering at once
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, answers: list[Answer]) -> None:
        self.routes[path] = list(answers)

    def page(self, path: str, body: str | bytes, content_type: str = "text/html", etag: bool = True,
             last_modified: str | None = None) -> None:
        """A static page; with an ETag (or a Last-Modified) it answers a matching conditional GET with 304."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        headers = {"Content-Type": content_type}
        if etag:
            headers["ETag"] = '"' + hashlib.sha1(data).hexdigest()[:12] + '"'
        if last_modified:
            headers["Last-Modified"] = last_modified
        self.route(path, [Answer(200, data, headers)])

    def answer_for(self, path: str, request_headers: dict) -> Answer:
        with self.lock:
            self.hits[path] += 1
            self.seen_headers[path].append(request_headers)
            answers = self.routes.get(path)
            if answers is None:
                return Answer(404, b"<html><body>not found</body></html>", {"Content-Type": "text/html"})
            answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if answer.status == 200 and _not_modified(answer.headers, request_headers):
            return Answer(304, b"", {k: v for k, v in answer.headers.items() if k in ("ETag", "Last-Modified")})
        if answer.status == 200:
            with self.lock:
                self.full[path] += 1
        return answer


def _not_modified(headers: dict, request: dict) -> bool:
    etag, since = headers.get("ETag"), headers.get("Last-Modified")
    if etag and request.get("if-none-match") == etag:
        return True
    return bool(since and not etag and request.get("if-modified-since") == since)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real sites
    disable_nagle_algorithm = True  # a chunked body goes out in several writes: Nagle would hold them ~40 ms
    site: Site

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        site = self.site
        with site.lock:
            site.in_flight += 1
            site.most_in_flight = max(site.most_in_flight, site.in_flight)
        try:
            self._answer(site.answer_for(self.path, {k.lower(): v for k, v in self.headers.items()}))
        finally:
            with site.lock:
                site.in_flight -= 1

    def _answer(self, answer: Answer) -> None:
        if answer.delay:
            time.sleep(answer.delay)
        try:
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            if answer.chunked:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for start in range(0, len(answer.body), 65536):
                    piece = answer.body[start:start + 65536]
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
            else:  # headers and body in one write, as a real server does for a small page: two would wait on each other
                self.send_header("Content-Length", str(len(answer.body)))
                self._headers_buffer.append(b"\r\n" + answer.body)
                self.flush_headers()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout, too large): expected
            self.close_connection = True

    def log_message(self, *args) -> None:  # quiet
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request, client_address) -> None:  # a client that hung up is no news
        pass


@contextmanager
def serve(host: str = "127.0.0.1"):
    """Start the server on a free port of 127.0.0.1; stop it when the block ends."""
    handler = type("Handler", (_Handler,), {})
    server = _Server((host, 0), handler)
    site = Site(host, server.server_address[1])
    handler.site = site
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
