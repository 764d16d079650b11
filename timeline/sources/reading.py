"""Reading a file's bytes safely: size cap before reading, binary and encoding checks."""

from __future__ import annotations

import codecs
import errno
import json
import os
import stat
from pathlib import Path

from timeline.sources.errors import SourceError

# Real articles are kilobytes; a file this big is a mistake (a dump, a video) and
# reading it whole would only waste memory before refusing it.
MAX_BYTES = 50 * 1024 * 1024
# Byte-order marks of the wide encodings, UTF-32 first: its little-endian mark begins
# with UTF-16's. Without a mark, wide text is full of NULs and refused as binary.
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def path_problem(path: Path) -> str | None:
    """Return why ``path`` leads to no file or folder ("no such file or folder", a
    symbolic link loop, a link to nothing, no permission), or None when it does."""
    try:
        os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return f"a symbolic link that points to nothing ({os.readlink(path)})"
        return "no such file or folder"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link loop (following it never reaches a file)"
        return f"cannot read it ({error.strerror or error})"
    return None


def opening_bytes(path: Path, count: int = 256) -> bytes:
    """Return the first ``count`` bytes of ``path`` (empty when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(count)
    except OSError:
        return b""


def read_text_file(path: Path, name: str | None = None, *, max_bytes: int = MAX_BYTES) -> str:
    """Return the UTF-8 text of ``path`` with newlines normalised to ``\\n``.

    Raises SourceError (naming the file) for a missing, unreadable, binary,
    undecodable or empty file, or one over ``max_bytes`` (refused from its size alone).
    """
    name = name or str(path)
    return decode_text(read_bytes(path, name, max_bytes=max_bytes), name)


def read_bytes(path: Path, name: str, *, max_bytes: int = MAX_BYTES) -> bytes:
    """Return the bytes of ``path``; SourceError when missing, unreadable or over
    ``max_bytes``."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise SourceError(name, path_problem(path) or "no such file") from None
    except OSError:
        raise SourceError(name, path_problem(path) or "cannot read it") from None
    if stat.S_ISDIR(status.st_mode):
        raise SourceError(name, "is a directory")
    if not stat.S_ISREG(status.st_mode):
        # A named pipe or device would block the read, or never end.
        raise SourceError(name, "not a regular file (a pipe or device?)")
    size = status.st_size
    if size > max_bytes:
        raise SourceError(
            name, f"too large ({size / 1e6:.0f} MB; the limit is {max_bytes // (1024 * 1024)} MB)"
        )
    try:
        with open(path, "rb") as handle:
            # Read at most one byte past the cap, in case the file grew since stat().
            raw = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise SourceError(name, "is a directory") from None
    except OSError as error:
        raise SourceError(name, f"cannot read it ({error.strerror or error})") from None
    if len(raw) > max_bytes:
        raise SourceError(name, "too large (it grew past the limit while being read)")
    return raw


def decode_text(raw: bytes, name: str) -> str:
    """Return ``raw`` decoded as UTF-8, or as UTF-16/32 when it starts with their
    byte-order mark (a BOM is dropped); SourceError when it is not text."""
    for bom, codec in _WIDE_BOMS:
        if raw.startswith(bom):
            return _decode_wide(raw, codec, name)
    if b"\x00" in raw:
        raise SourceError(name, "binary file (it contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(
            name,
            f"not UTF-8 text (undecodable byte 0x{raw[error.start]:02x} at offset {error.start})",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(name, "empty file")
    return text


def _decode_wide(raw: bytes, codec: str, name: str) -> str:
    try:
        text = raw.decode(codec)  # the codec reads the mark and drops it
    except UnicodeDecodeError as error:
        raise SourceError(name, f"not {codec.upper()} text ({error.reason} at byte "
                          f"{error.start}), though it starts with its byte-order mark") from None
    if "\x00" in text:
        raise SourceError(name, "binary file (it contains NUL characters), not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(name, "empty file")
    return text


def parse_json(text: str, name: str, *, one_line: bool = False) -> object:
    """Return the value ``text`` holds; SourceError naming ``name`` when it is not JSON
    (the position given as a column for a single line, else as a line) or is nested
    too deeply for the parser."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = f"column {error.colno}" if one_line else f"line {error.lineno}"
        raise SourceError(name, f"invalid JSON ({error.msg} at {where})") from None
    except RecursionError:
        raise SourceError(name, "invalid JSON (nested too deeply)") from None
