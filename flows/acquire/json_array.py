"""The byte spans of the elements of a JSON array file, found in chunks: `[{...}, {...}]` -> [(1, 6), (7, 13)].

A JSON array of records streams through batches as a JSON Lines file does: discovery keeps each element as a
span of the file, and each batch reads and parses its own elements only (local.py's Records). Nothing is
parsed here but strings and brackets, so an element that is not valid JSON is still one span, which
json.loads then refuses alone: one bad record costs one reject.

Why not ijson: it yields parsed values, not their bytes or offsets (its issue 56, "Output items sequence as
original bytes"), and the flow needs spans to hand batches. Parsing the file again for each batch would be
quadratic in its size, and holding ijson's parsed records until their batch is the memory this avoids.
"""

from __future__ import annotations

import re
from typing import BinaryIO

OPENING = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*\[")  # a UTF-8 BOM, whitespace, then the array
_STRUCTURE = re.compile(rb'[\[\]{}",]')
# The rest of a string after its opening quote: escapes skipped (\" \\ \u4e2d), up to the closing quote
# (group q) or the chunk's end; a lone backslash at the very end is left for the next chunk.
_STRING_REST = re.compile(rb'(?:[^"\\]++|\\.)*+(?P<q>")?', re.DOTALL)


def element_spans(stream: BinaryIO, chunk_size: int = 1 << 20) -> tuple[list[tuple[int, int]], str | None]:
    """[start, end) of each element of the JSON array stream holds (it starts with OPENING), and what is
    wrong with the array itself, or None: text after its closing ], or no closing ] (a file cut off).

    Elements with nothing in them (`[a,,b]`, a trailing comma) are skipped; memory is one chunk.
    """
    buf = stream.read(max(chunk_size, 64))  # the opening [ within the first 64 bytes, as discovery looks for it
    opening = OPENING.match(buf)
    if not opening:
        return [], "not a JSON array"
    spans: list[tuple[int, int]] = []
    base, pos, start = 0, opening.end(), opening.end()  # buf[0] is byte `base` of the file
    depth, in_string, filled = 0, False, False  # nesting inside an element; the element has content
    while True:
        if in_string:
            m = _STRING_REST.match(buf, pos)
            pos, in_string = m.end(), m["q"] is None
            done = not in_string
        else:
            m = _STRUCTURE.search(buf, pos)
            stop = m.start() if m else len(buf)
            filled = filled or (depth == 0 and bool(buf[pos:stop].strip()))  # a number, true, null
            pos, done = (m.end(), True) if m else (len(buf), False)
            if m:
                char = buf[m.start()]
                if char == 0x22:  # "
                    in_string = filled = True
                elif char in b"[{":
                    depth, filled = depth + 1, True
                elif depth and char in b"]}":
                    depth -= 1
                elif char == 0x2C and not depth:  # , between two elements
                    if filled:
                        spans.append((start, base + m.start()))
                    start, filled = base + pos, False
                elif char == 0x5D:  # ] closing the array
                    if filled:
                        spans.append((start, base + m.start()))
                    return spans, _after_the_array(buf[pos:], base + pos, stream, chunk_size)
                else:  # a } with no { open: part of a malformed element, which json.loads will refuse
                    filled = True
        if done and pos < len(buf):
            continue
        more = stream.read(chunk_size)
        if not more:
            break
        buf, base, pos = buf[pos:] + more, base + pos, 0
    if filled:
        spans.append((start, base + len(buf)))
    return spans, "the array has no closing ]: the file may be cut off"


def _after_the_array(rest: bytes, offset: int, stream: BinaryIO, chunk_size: int) -> str | None:
    """None if only whitespace follows the closing ], else where the text after it begins."""
    while True:
        if rest.strip():
            return f"text after the array's closing ] at byte {offset + len(rest) - len(rest.lstrip())}"
        offset += len(rest)
        rest = stream.read(chunk_size)
        if not rest:
            return None
