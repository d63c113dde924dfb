"""The picture and voice message a simulated customer sends when none is chosen, made here rather
than shipped as binary files."""

import functools
import io
import math
import struct
import wave
import zlib


@functools.cache
def sample_image(width=96, height=64):
    """A PNG: a green-to-teal gradient (WhatsApp's colours), enough to see it arrive."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(
        b"\x00" + b"".join(bytes((37, 150 + (x * 60 // width), 80 + (y * 100 // height))) for x in range(width))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@functools.cache
def sample_audio(seconds=1.0, rate=8000, pitch=440.0):
    """A WAV: one second of a quiet tone."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(
            struct.pack("<h", int(6000 * math.sin(2 * math.pi * pitch * i / rate))) for i in range(int(seconds * rate))
        ))
    return buffer.getvalue()
