"""The element spans of a JSON array file (flows/acquire/json_array.py), found in chunks."""

from __future__ import annotations

import io
import json

import pytest

from flows.acquire.json_array import element_spans


def elements(data: bytes, chunk_size: int) -> tuple[list[bytes], str | None]:
    spans, problem = element_spans(io.BytesIO(data), chunk_size)
    return [data[start:end].strip() for start, end in spans], problem


@pytest.mark.parametrize("chunk_size", [1, 2, 5, 1 << 20])  # a chunk boundary may fall anywhere, inside an escape too
@pytest.mark.parametrize(
    "data, expected",
    [
        # brackets, commas and escaped quotes inside strings are text; nested arrays are one element
        (b'[{"t": "a,]}\\"b"}, [1, [2]], 3, null]', [b'{"t": "a,]}\\"b"}', b"[1, [2]]", b"3", b"null"]),
        (b'\xef\xbb\xbf [ ]', []),  # a BOM, an empty array
        (b'[{"t": "\\\\"}, {"u": "\\u4e2d\\\\\\""}]', [b'{"t": "\\\\"}', b'{"u": "\\u4e2d\\\\\\""}']),  # \\ then "
        (b"[1,,2,]", [b"1", b"2"]),  # empty slots are no records
        (b'[{"a": 1}}, {"b": 2}]', [b'{"a": 1}}', b'{"b": 2}']),  # a stray } stays in its element: json.loads refuses it
    ],
)
def test_elements_are_found_whatever_the_chunk_size(data, expected, chunk_size):
    assert elements(data, chunk_size) == (expected, None)


def test_a_cut_off_array_and_text_after_it_are_said():
    assert elements(b'[{"a": 1}, {"b": "cu', 4) == ([b'{"a": 1}', b'{"b": "cu'], "the array has no closing ]: the file may be cut off")
    assert elements(b'[{"a": 1}]\n  {"b": 2}', 4) == ([b'{"a": 1}'], "text after the array's closing ] at byte 13")
    assert elements(b'{"a": [1, 2]}', 4) == ([], "not a JSON array")


def test_every_span_parses_as_its_element():
    records = [{"text": "正文，含]和}和\\和\"", "n": n, "tags": [[n], {"k": "v"}]} for n in range(50)]
    data = json.dumps(records, ensure_ascii=False, indent=2).encode()
    for chunk_size in (7, 64, 1 << 20):
        spans, problem = element_spans(io.BytesIO(data), chunk_size)
        assert [json.loads(data[start:end]) for start, end in spans] == records and problem is None
