"""Traditional -> simplified script: OpenCC's t2s, applied as one table lookup wherever that gives the same text.

OpenCC converts ~35 ns a character when its dictionaries are in the CPU caches and twice that in the pipeline,
where the other stages push them out: 12% of normalise+extract on traditional pages. Its t2s is, apart from a
few hundred phrases, a map of single characters. This module derives that map from OpenCC itself (every BMP
character converted once, on first use) and applies it to a page as one numpy gather (~5 ns a character). It
leaves to OpenCC the pages where the map alone would differ from OpenCC: one of the phrases whose conversion
is not its characters' (乾隆 keeps its 乾) occurs, or a character beyond the BMP.

The phrases are the multi-character keys of the dictionaries t2s.json names, read from OpenCC's own files
(ocd2: a header, then a marisa trie), so the fast path follows the installed OpenCC. If they cannot be read,
every page goes to OpenCC: slower, never different.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick_rs
import marisa_trie
import numpy as np
import opencc

_T2S = opencc.OpenCC("t2s")  # about 10 ms to load: acceptable at import
_S2T = opencc.OpenCC("s2t")
_BMP = 0x10000
_SURROGATES = range(0xD800, 0xE000)  # not characters: no str of them encodes
_OCD2_HEADER = b"OPENCC_MARISA_0.2.5"
# Only characters of this range tell the scripts apart (what normalize has always counted): the CJK
# unified ideographs, where both scripts' characters are
_SCRIPT_RANGE = range(0x4E00, 0xA000)
# Characters OpenCC's t2s tables convert all lie here (1.4: U+346E up) or beyond the BMP, which goes to OpenCC
_CONVERTED_RANGE = range(0x2E80, _BMP)
_SCRIPT_SAMPLE = 600  # characters counted to tell traditional from mixed: enough, and cheap


@dataclass(frozen=True, slots=True)
class _Tables:
    to_simplified: np.ndarray  # uint32 per BMP code point: the one character t2s makes of it
    traditional: np.ndarray  # bool per BMP code point: a character only traditional script uses (t2s changes it)
    simplified: np.ndarray  # bool: one only simplified script uses (s2t changes it, t2s does not)
    # Where the map alone would convert otherwise than OpenCC; None: not known, so always OpenCC
    exceptions: _Exceptions | None


@dataclass(frozen=True, slots=True)
class _Exceptions:
    """Words the map converts otherwise than OpenCC (乾隆, 沈重), and a cheap test first: the characters
    where they differ. Most pages hold none of those; 於 is one, so most traditional pages need the words."""

    chars: np.ndarray  # bool per BMP code point
    words: ahocorasick_rs.AhoCorasick  # ~20 us a page: searched only when chars finds one


def simplify(text: str) -> tuple[str, str]:
    """(text in simplified script, the script it is written in: simplified | traditional | mixed).

    A page with no traditional-only character is returned as it is, as OpenCC would leave it but faster.
    """
    tables = _tables()
    codes = _code_points(text)
    if not _has_traditional(tables, codes):
        return text, "simplified"
    script = _script(tables, codes[:_SCRIPT_SAMPLE])
    if _needs_opencc(tables.exceptions, text, codes):
        return _T2S.convert(text), script
    return tables.to_simplified.take(codes).tobytes().decode("utf-32-le", "surrogatepass"), script


def detect_script(text: str) -> str:
    """simplified | traditional | mixed, from characters only one of the two scripts uses."""
    tables = _tables()
    codes = _code_points(text)
    return _script(tables, codes[:_SCRIPT_SAMPLE]) if _has_traditional(tables, codes) else "simplified"


def _has_traditional(tables: _Tables, codes: np.ndarray) -> bool:
    return np.count_nonzero(tables.traditional.take(codes, mode="clip")) > 0  # clip: beyond the BMP -> U+FFFF, in neither


def _needs_opencc(exceptions: _Exceptions | None, text: str, codes: np.ndarray) -> bool:
    if exceptions is None or codes.max() >= _BMP:
        return True
    return np.count_nonzero(exceptions.chars.take(codes)) > 0 and bool(exceptions.words.find_matches_as_indexes(text))


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _script(tables: _Tables, sample: np.ndarray) -> str:
    n_trad = int(np.count_nonzero(tables.traditional.take(sample, mode="clip")))
    n_simp = int(np.count_nonzero(tables.simplified.take(sample, mode="clip")))
    # A few simplified-only characters occur in traditional pages (names, quoted slogans) and the
    # reverse: call a text mixed only when the minority script is a real share of it.
    minority = min(n_trad, n_simp)
    if minority >= 3 and minority >= 0.1 * (n_trad + n_simp):
        return "mixed"
    return "traditional" if n_trad >= n_simp else "simplified"


@cache
def _tables() -> _Tables:
    """Built on first use (~50 ms), from OpenCC's own conversions: the tables cannot disagree with it."""
    to_simplified = np.arange(_BMP, dtype=np.uint32)
    changed, simp, unmapped = _converted(_T2S, _CONVERTED_RANGE)
    to_simplified[changed] = simp
    traditional, simplified = np.zeros(_BMP, dtype=bool), np.zeros(_BMP, dtype=bool)
    script_range = slice(_SCRIPT_RANGE.start, _SCRIPT_RANGE.stop)
    traditional[script_range] = to_simplified[script_range] != np.arange(_SCRIPT_RANGE.start, _SCRIPT_RANGE.stop)
    to_traditional, _, _ = _converted(_S2T, _SCRIPT_RANGE)
    simplified[to_traditional] = True
    simplified &= ~traditional
    return _Tables(to_simplified, traditional, simplified, _exceptions(to_simplified, unmapped))


def _converted(converter: opencc.OpenCC, codes: range) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(code points the converter changes into one other character, those characters, characters it
    changes into more or fewer than one), each character converted alone."""
    chars = [chr(c) for c in codes if c not in _SURROGATES]
    out = converter.convert("\n".join(chars)).split("\n")  # no dictionary key holds a line break
    one = np.fromiter(map(len, out), dtype=np.int64, count=len(out)) == 1
    unmapped = [c for c, ok in zip(chars, one, strict=True) if not ok]
    before = np.array([ord(c) for c, ok in zip(chars, one, strict=True) if ok], dtype=np.uint32)
    after = np.array([ord(o) for o, ok in zip(out, one, strict=True) if ok], dtype=np.uint32)
    moved = before != after
    return before[moved], after[moved], unmapped


def _exceptions(to_simplified: np.ndarray, unmapped: list[str]) -> _Exceptions | None:
    """The phrases and characters whose OpenCC conversion the character map would get wrong: phrases
    converted otherwise than their characters, characters converted into more or fewer than one, and
    characters OpenCC normalises first (a compatibility ideograph may join a phrase once normalised)."""
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    try:
        config = json.loads((share / "t2s.json").read_text(encoding="utf-8"))
        normalised = _keys(share, config.get("normalization", []))
        phrases = [key for key in _keys(share, config["conversion_chain"]) if len(key) > 1]
    except (OSError, ValueError, RuntimeError, KeyError):
        return None
    phrases = [p for p in phrases if all(ord(c) < _BMP for c in p)]  # a page beyond the BMP goes to OpenCC anyway
    words, chars = [*unmapped, *normalised], [*unmapped, *normalised]
    for phrase in phrases:
        by_opencc = _T2S.convert(phrase)
        by_char = to_simplified.take(_code_points(phrase)).tobytes().decode("utf-32-le")
        if by_opencc != by_char:
            words.append(phrase)
            same_length = len(by_opencc) == len(phrase)
            chars += [c for i, c in enumerate(phrase) if not same_length or by_opencc[i] != by_char[i]]
    mask = np.zeros(_BMP, dtype=bool)
    mask[[ord(c) for c in chars if ord(c) < _BMP]] = True
    # An automaton, not a regex: an alternation of these words took 3 ms a page, the DFA ~20 us
    words = ahocorasick_rs.AhoCorasick(sorted(set(words)) or ["\n\n"], implementation=ahocorasick_rs.Implementation.DFA)
    return _Exceptions(mask, words)


def _keys(share: Path, config) -> list[str]:
    """Every key of the ocd2 dictionaries named anywhere in a part of an OpenCC config."""
    keys = []
    for name in _dictionary_files(config):
        data = (share / name).read_bytes()
        if not data.startswith(_OCD2_HEADER):
            raise ValueError(f"{name}: not an ocd2 dictionary this module reads")
        trie = marisa_trie.Trie()
        trie.frombytes(data[len(_OCD2_HEADER):])
        keys += trie.keys()
    return keys


def _dictionary_files(node) -> list[str]:
    """Every "file" named in a part of an OpenCC config (a dict, a group of dicts, a chain)."""
    if isinstance(node, dict):
        own = [node["file"]] if isinstance(node.get("file"), str) else []
        return own + [name for value in node.values() for name in _dictionary_files(value)]
    if isinstance(node, list):
        return [name for value in node for name in _dictionary_files(value)]
    return []
