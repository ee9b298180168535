"""Real HTTP servers on 127.0.0.1 for fetch/watch tests, and real documents rendered as pages.

`LocalWeb` is a threaded http.server whose routes are plain Python callables, so a test can
serve a changing page, a slow one, a redirect loop, a gzip bomb or a challenge page, and count
what the server actually received.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from markdown_it import MarkdownIt


@dataclass
class Reply:
    """What a route answers; `body` may be a list of chunks sent with `delay` seconds between them."""

    status: int = 200
    body: bytes | list[bytes] = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0


Route = Callable[["BaseHTTPRequestHandler"], Reply]


class LocalWeb:
    """A threaded HTTP server on 127.0.0.1 with programmable routes and a request log."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self.posts: list[tuple[str, dict[str, str], bytes]] = []
        web = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                web.requests.append(self.path)
                route = web.routes.get(self.path.split("?", 1)[0])
                reply = route(self) if route else Reply(404, b"not found", {"Content-Type": "text/plain"})
                chunks = reply.body if isinstance(reply.body, list) else [reply.body]
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in reply.headers:
                    self.send_header("Content-Length", str(sum(len(c) for c in chunks)))
                self.end_headers()
                try:
                    for chunk in chunks:
                        if reply.delay:
                            time.sleep(reply.delay)
                        self.wfile.write(chunk)
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                web.requests.append(self.path)
                web.posts.append((self.path, dict(self.headers.items()), body))
                route = web.routes.get(self.path.split("?", 1)[0])
                reply = route(self) if route else Reply(204, b"", {})
                payload = reply.body if isinstance(reply.body, bytes) else b"".join(reply.body)
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda *_: None  # type: ignore[method-assign]  # clients hanging up early
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """Absolute URL of `path` on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, reply: Reply | Route) -> None:
        """Serve `reply` (fixed) or call `reply(handler)` (dynamic) at `path`."""
        self.routes[path] = reply if callable(reply) else (lambda _handler, r=reply: r)

    def hits(self, path: str) -> int:
        """How many requests reached `path`."""
        return sum(1 for p in self.requests if p.split("?", 1)[0] == path)

    def __enter__(self) -> LocalWeb:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def terms_html(markdown_text: str, title: str = "Terms of Service") -> bytes:
    """A real terms text rendered as a web page with a menu, a cookie banner and a footer around it."""
    body = MarkdownIt("commonmark").enable("table").render(markdown_text)
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<script>window.analytics = [];</script><style>.cookie {{position: fixed}}</style></head><body>
<nav class="menu"><a href="/">Home</a> <a href="/pricing">Pricing</a> <a href="/blog">Blog</a>
<a href="/careers">Careers</a></nav>
<div id="cookie-banner" class="cookie">We use cookies to improve your experience.
<button>Accept all cookies</button> <button>Manage cookie preferences</button></div>
<main><article class="legal">{body}</article></main>
<footer><p>Copyright Example Corp. All rights reserved.</p>
<a href="/status">Status</a> <a href="/press">Press</a></footer>
</body></html>"""
    return page.encode("utf-8")


def challenge_html() -> bytes:
    """A typical bot-protection interstitial."""
    return (
        b"<!doctype html><html><head><title>Just a moment...</title></head><body>"
        b"<h1>Checking your browser before accessing the site.</h1>"
        b"<p>Please enable JavaScript and cookies to continue.</p></body></html>"
    )


def gzip_bomb(decompressed_mb: int = 64) -> bytes:
    """A small gzip body that inflates to `decompressed_mb` MiB of zeros."""
    return gzip.compress(b"\0" * (decompressed_mb * 1024 * 1024), compresslevel=9)


def text_pdf(text: str, lines_per_page: int = 45) -> bytes:
    """A minimal, valid PDF with `text` set in Helvetica (enough for pypdf to extract it again)."""
    lines = [line[i : i + 95] for line in text.splitlines() for i in range(0, max(len(line), 1), 95)]
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[""]]
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: pages (filled in below)
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids: list[int] = []
    for page_lines in pages:
        ops = ["BT /F1 10 Tf 12 TL 50 780 Td"]
        for line in page_lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("cp1252", errors="replace")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (len(objects))
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def ota_versions(ota_dir: Path, service: str, doc_type: str) -> list[Path]:
    """The dated versions of one real document in the shared data, oldest first."""
    return sorted((ota_dir / service / doc_type).glob("*.md"))
