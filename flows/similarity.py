"""Near-duplicate signatures: the same story republished with other furniture has nearly the same text.

A MinHash (datasketch) of the normalised text's character 5-grams: 64 numbers whose share of equal
positions between two articles estimates the Jaccard similarity of their 5-gram sets. The warehouse
links a new article to an earlier one whose signature agrees in 80 % and whose figures are the same
(warehouse/dml/near_duplicates.sql): a monthly bulletin with new numbers is never a copy.
"""

from __future__ import annotations

import re
import zlib

from datasketch import MinHash

NUM_PERM = 64
SHINGLE = 5  # characters: short enough for a sentence edit to cost little, long enough to be specific
CHUNK = 20_000  # shingles hashed at once: update_batch holds chunk x NUM_PERM numbers
_SPACE = re.compile(r"\s+")


# The permutations, drawn once (drawing them costs as much as hashing an article). crc32 hashes the
# shingles: stable across processes and versions, as stored signatures need, and 3x faster than
# datasketch's default sha1. The scheme is named: signatures of another scheme do not compare.
_SCHEME = "affine32"
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1, scheme=_SCHEME).permutations


def text_signature(text: str) -> list[int]:
    """64 MinHash values of the text's 5-grams, whitespace ignored: 增长12.5% and 增长 12.5% agree."""
    compact = _SPACE.sub("", text)
    signature = MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS, scheme=_SCHEME, hashfunc=zlib.crc32)
    count = max(len(compact) - SHINGLE + 1, 1)
    for start in range(0, count, CHUNK):
        signature.update_batch([compact[i:i + SHINGLE].encode("utf-8") for i in range(start, min(start + CHUNK, count))])
    return [int(v) for v in signature.hashvalues]
