"""Downloading the media a customer sent: two calls, the second to a short-lived URL Meta gives."""

import hashlib
import time
from urllib.parse import urlsplit

import requests

from .errors import PERMANENT, RETRYABLE, GraphConnectionError, GraphError, GraphTimeout, parse_error

MAX_MEDIA_BYTES = 100 * 1024 * 1024  # Meta's largest inbound document
# Where Meta serves media from (contract §6: lookaside.fbsbx.com). An entry starting with a dot
# also allows the domain's subdomains.
META_MEDIA_HOSTS = ("lookaside.fbsbx.com",)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


class MediaIntegrityError(GraphError):
    """The bytes do not match the sha256 Meta announced: a truncated or tampered download."""


class MediaHostError(GraphError):
    """The download URL is not on Meta's media servers: the token is never sent there."""


def media_host_allowed(url, allowed_hosts=META_MEDIA_HOSTS):
    """Whether `url` is an https URL of an allowed host (plain http only on loopback, for tests)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not host or (parts.scheme != "https" and not (parts.scheme == "http" and host in LOOPBACK_HOSTS)):
        return False
    for allowed in allowed_hosts:
        allowed = allowed.strip().lower()
        if not allowed:
            continue
        if host == allowed.lstrip(".") or (allowed.startswith(".") and host.endswith(allowed)):
            return True
    return False


def _host_error(url):
    return MediaHostError(
        f"The media's download address ({urlsplit(url).hostname}) is not one of Meta's media servers.",
        http_status=200, category=PERMANENT,
    )


def download_media(client, media_id, expected_sha256=None, max_bytes=MAX_MEDIA_BYTES, between_chunks=None,
                   allowed_hosts=META_MEDIA_HOSTS):
    """Returns (bytes, mime_type). Raises GraphError; the caller retries later, the message stays.

    `client.timeout`'s read part bounds each wait for the next chunk, not the whole download, so a slow
    but living download finishes and a hung one fails fast. `between_chunks()` is called after each chunk:
    the caller's chance to do urgent work (apply text messages) while a large file comes in.
    """
    info = client.get(str(media_id))
    url = info.get("url")
    if not url:
        raise GraphError("Meta returned no download URL for this media.", http_status=200, category=RETRYABLE)
    if not media_host_allowed(url, allowed_hosts):
        raise _host_error(url)
    started = time.monotonic()
    status = None
    try:
        # The URL belongs to Meta's CDN, not the Graph host: the same Bearer token is required.
        with client._session.get(
            url, headers={"Authorization": f"Bearer {client._token}"}, timeout=client.timeout, stream=True,
            allow_redirects=True,
        ) as response:
            # requests drops the token on a redirect to another host; its bytes are refused here.
            if not media_host_allowed(response.url, allowed_hosts):
                raise _host_error(response.url)
            status = response.status_code
            if status >= 400:
                raise parse_error(status, response.headers, response.content[:65536])
            chunks, size = [], 0
            for chunk in response.iter_content(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise GraphError(f"The media is larger than {max_bytes} bytes.", code=131052, http_status=status)
                chunks.append(chunk)
                if between_chunks is not None:
                    between_chunks()
    except requests.Timeout:
        raise GraphTimeout("Meta's media server did not answer in time.") from None
    except requests.RequestException:
        raise GraphConnectionError("Meta's media server could not be reached.") from None
    finally:
        if client._on_call is not None:
            client._on_call({
                "method": "GET", "path": f"media download ({urlsplit(url).hostname})", "http_status": status,
                "error_code": None, "duration_ms": int((time.monotonic() - started) * 1000), "attempt": 1,
                "fbtrace_id": None,
            })
    data = b"".join(chunks)
    expected = expected_sha256 or info.get("sha256")
    if expected and hashlib.sha256(data).hexdigest() != expected.lower():
        raise MediaIntegrityError("The downloaded media does not match Meta's checksum.", category=RETRYABLE)
    return data, info.get("mime_type")
