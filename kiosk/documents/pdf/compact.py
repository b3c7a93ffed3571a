"""The written PDF made smaller: every object that is not a stream goes into one compressed object stream.

A tagged calendar has a few hundred small structure elements; written one by one (as ReportLab does) with
a cross-reference line each they are a quarter of the file. PDF 1.5 object streams and a cross-reference
stream hold them deflated instead. Streams (fonts, pages, images, forms) stay as they are.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Callable

_XREF = re.compile(rb"\nxref\n0 (\d+)\n")
_STARTXREF = re.compile(rb"startxref\s+(\d+)")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)
_ENTRY = re.compile(rb"/(ID|Info|Root)\s*(\[[^\]]*\]|\d+ 0 R)", re.S)
_ROW = struct.Struct(">BIH")  # a cross-reference stream's row: /W [1 4 2]
LEVEL = 1  # the fastest: zlib's default (6) is 10 % smaller here for twice the time


def _objects(pdf: bytes) -> dict[int, bytes]:
    """Each object's body by number, cut at the offsets of ReportLab's cross-reference table."""
    where = _STARTXREF.search(pdf, len(pdf) - 64)
    xref = _XREF.match(pdf, int(where.group(1)) - 1) if where else None
    if xref is None:
        return {}
    count = int(xref.group(1))
    table = xref.end()
    starts = [int(pdf[table + 20 * n : table + 20 * n + 10]) for n in range(1, count)]
    ends = [*starts[1:], xref.start() + 1]
    objects = {}
    for number, (start, end) in enumerate(zip(starts, ends, strict=True), start=1):
        head = pdf.index(b"obj", start, end) + 3
        tail = pdf.rindex(b"endobj", start, end)
        objects[number] = pdf[head:tail].strip(b"\r\n")
    return objects


def _packable(body: bytes) -> bool:
    """Not a stream, and not a page: page dictionaries stay readable in the file, where the print hand-over
    finds the paper size (kiosk/handover/document.py reads the first /MediaBox)."""
    return b"stream\n" not in body and b"stream\r\n" not in body and b"/Type /Page" not in body


def object_streams(pdf: bytes, more: Callable[[int], dict[int, bytes]] | None = None) -> bytes:
    """The same document with its non-stream objects in an object stream and a cross-reference stream.

    `more(first)` gives objects ReportLab did not write (the structure tree: tagging.Tagger.objects), by
    number: new ones from `first` on, and any that replace a written one (a placeholder)."""
    objects = _objects(pdf)
    trailer = _TRAILER.search(pdf, len(pdf) - 1024)
    if not objects or trailer is None:
        if more is not None:
            raise ValueError("the PDF has no cross-reference table to add objects to")
        return pdf
    entries = dict(_ENTRY.findall(trailer.group(1)))
    packed = {number: body.strip() for number, body in objects.items() if _packable(body)}
    if more is not None:
        added = more(max(objects) + 1)  # dictionaries, no streams or pages: all packed
        objects.update(added)
        packed.update(added)
    stream_number = max(objects) + 1
    xref_number = stream_number + 1
    out = bytearray(b"%PDF-1.5\n%\x93\x8c\x8b\x9e\n")
    offsets: dict[int, tuple[int, int, int]] = {}  # number -> (type, field 2, field 3) of its xref entry
    for number, body in objects.items():
        if number not in packed:
            offsets[number] = (1, len(out), 0)
            out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    header, at = [], 0
    for index, (number, body) in enumerate(packed.items()):
        header.append(b"%d %d" % (number, at))
        at += len(body) + 1
        offsets[number] = (2, stream_number, index)
    first = b" ".join(header) + b"\n"
    content = zlib.compress(first + b"\n".join(packed.values()) + b"\n", LEVEL)
    offsets[stream_number] = (1, len(out), 0)
    out += b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (
        stream_number,
        len(packed),
        len(first),
        len(content),
    )
    out += content + b"\nendstream\nendobj\n"
    offsets[xref_number] = (1, len(out), 0)
    rows = [b"\x00\x00\x00\x00\x00\xff\xff"]  # object 0: the head of the free list
    free = (0, 0, 0)
    rows += [_ROW.pack(*offsets.get(number, free)) for number in range(1, xref_number + 1)]
    table = zlib.compress(b"".join(rows), LEVEL)
    extra = b"".join(b"/%s %s " % (key, value) for key, value in entries.items())
    out += b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] %s/Filter /FlateDecode /Length %d >>\nstream\n" % (
        xref_number,
        xref_number + 1,
        extra,
        len(table),
    )
    out += table + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[xref_number][1]
    return bytes(out)
