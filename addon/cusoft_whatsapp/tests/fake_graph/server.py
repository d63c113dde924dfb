"""A stand-in for graph.facebook.com for tests: real HTTP on 127.0.0.1, contract-shaped answers,
and scriptable failures. Meta itself is never called by a test.

    with FakeGraphServer(tokens=["EAAG-test"]) as graph:
        graph.enqueue("POST", "110000000000001/messages", Reply.error(130429), Reply.error(130429))
        client = GraphClient("EAAG-test", base_url=graph.base_url)
        ...
        assert len(graph.requests_to("POST", "110000000000001/messages")) == 3
"""

import re
import threading
from collections import defaultdict, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from .data import VERSIONS
from .replies import RecordedRequest, Reply, new_trace_id
from .routes import FakeGraph

__all__ = ["FakeGraphServer", "RecordedRequest", "Reply"]

_VERSION_RE = re.compile(r"v\d+\.\d+")


def relative_path(path):
    """'/v25.0/123/register?x=1' → '123/register': how queues and lookups name an endpoint."""
    parts = urlsplit(path).path.strip("/").split("/")
    if parts and _VERSION_RE.fullmatch(parts[0]):
        parts = parts[1:]
    return "/".join(parts)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # keep-alive handlers idle on open client sessions; stop() must not wait for them


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # idle keep-alive connections end on their own
    # Headers and body leave in one segment; otherwise Nagle + delayed ACK add ~40 ms per call.
    disable_nagle_algorithm = True
    wbufsize = 64 * 1024
    fake = None

    def do_GET(self):
        self.fake._serve(self)

    do_POST = do_DELETE = do_PUT = do_GET

    def log_message(self, format, *args):
        # Request lines carry query strings (ES codes, input tokens): never print them.
        pass


class FakeGraphServer:
    def __init__(self, tokens=(), *, expired_tokens=(), apps=None, versions=VERSIONS, host="127.0.0.1"):
        self.graph = FakeGraph(tokens, expired_tokens, apps)
        self.versions = tuple(versions)
        self.requests = []
        self._host = host
        self._queues = defaultdict(deque)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd = None
        self._thread = None

    @property
    def tokens(self):
        return self.graph.tokens

    @property
    def expired_tokens(self):
        return self.graph.expired_tokens

    @property
    def base_url(self):
        if self._httpd is None:
            raise RuntimeError("FakeGraphServer is not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        if self._httpd is not None:
            return self
        self._stopping.clear()
        self._httpd = _HTTPServer((self._host, 0), type("Handler", (_Handler,), {"fake": self}))
        self.graph.base_url = self.base_url
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-graph", daemon=True,
        )
        self._thread.start()
        return self

    def stop(self):
        if self._httpd is None:
            return
        self._stopping.set()  # wakes handlers sleeping on a scripted delay
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    # ------------------------------------------------------------ scripting and assertions

    def enqueue(self, method, path, *replies):
        """Answers the next requests to (method, path) with `replies`, in order; afterwards the
        default behaviour resumes. `path` may carry the version or not: '123/register'."""
        with self._lock:
            self._queues[(method.upper(), relative_path(path))].extend(replies)

    def pending(self, method, path):
        with self._lock:
            return len(self._queues.get((method.upper(), relative_path(path)), ()))

    def requests_to(self, method=None, path=None):
        with self._lock:
            recorded = list(self.requests)
        return [
            request for request in recorded
            if (method is None or request.method == method.upper())
            and (path is None or relative_path(request.path) == relative_path(path))
        ]

    def reset(self):
        """Forgets recorded requests and scripted replies (the in-memory Graph state stays)."""
        with self._lock:
            self.requests.clear()
            self._queues.clear()

    # ------------------------------------------------------------ serving

    def _serve(self, handler):
        target = urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length > 0 else b""
        headers = {name.lower(): value for name, value in handler.headers.items()}
        request = RecordedRequest(handler.command, target.path, target.query, headers, body)
        with self._lock:
            self.requests.append(request)
        self._write(handler, self._reply_for(request))

    def _reply_for(self, request):
        parts = request.path.strip("/").split("/")
        if parts[0] == "media-download" and len(parts) == 2:
            return self._media_download(request, parts[1])
        if not _VERSION_RE.fullmatch(parts[0]):
            return Reply.error(
                100, "(#100) Unversioned Graph call: put an explicit version such as /v25.0/ in the path "
                "(Meta would silently use the app's default version, which drifts)",
                error_type="GraphMethodException",
            )
        version, rel = parts[0], "/".join(parts[1:])
        if version not in self.versions:
            return Reply.error(100, f"(#100) Unknown or expired Graph API version '{version}'",
                               error_type="GraphMethodException")
        with self._lock:
            route = self.graph.route(request.method, rel)
            denied = self.graph.authenticate(request, route[1] if route else "user")
            if denied is not None:
                return denied
            queue = self._queues.get((request.method, rel))
            if queue:
                return queue.popleft()
            return self.graph.dispatch(request, rel, version, route)

    def _media_download(self, request, media_id):
        """Meta's CDN: raw bytes for a Bearer token the Graph knows, unversioned like the real URL."""
        with self._lock:
            queue = self._queues.get(("GET", f"media-download/{media_id}"))
            if queue:
                return queue.popleft()
            if request.bearer not in self.graph.tokens:
                return Reply.error(190, "Invalid OAuth access token.", status=401)
            if media_id not in self.graph.media:
                return Reply.html(404)
            content, mime_type = self.graph.media[media_id]
        return Reply(status=200, body=content, content_type=mime_type)

    def _write(self, handler, reply):
        if reply.delay and self._stopping.wait(reply.delay):
            handler.close_connection = True
            return
        if reply.drop:
            handler.close_connection = True
            return
        body = reply.encoded()
        headers = {"Content-Type": reply.content_type, "x-fb-trace-id": new_trace_id(), **reply.headers}
        try:
            handler.send_response(reply.status)
            for name, value in headers.items():
                handler.send_header(name, str(value))
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
            handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True  # the client gave up waiting (a scripted timeout)
