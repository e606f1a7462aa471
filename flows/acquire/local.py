"""Files and folders -> RawDocuments, bytes kept as read. The one door to the local file system."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from flows.acquire.json_array import OPENING, element_spans
from flows.records import RawDocument, Reject

# Suffix -> media type of the files an article can come in; anything else under a folder is skipped.
MEDIA_TYPES = {
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".md": "text/markdown",
    ".json": "application/json",
    ".jsonl": "application/jsonl",
}



@dataclass(frozen=True, slots=True)
class Record:
    """One line of a JSON Lines file or one element of a JSON array file, read on its own: a large file
    streams through batches as a folder's files do, and one bad record costs one reject."""

    path: Path
    line: int  # 1-based, as editors count: the line of a JSON Lines file, the element of a JSON array
    start: int  # the record's bytes in the file: [start, end)
    end: int

    @property
    def where(self) -> str:
        return f"{source_of(self.path)}#{self.line}"


@dataclass(slots=True)
class Discovery:
    """What a run's sources hold: article files, JSON Lines records and URLs, and a reject for each source skipped."""

    files: list[Path | Record] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)  # article URLs to fetch (flows/acquire/sources.py)
    rejects: list[Reject] = field(default_factory=list)


def discover(paths: list[str]) -> Discovery:
    """Expand files and folders (recursively) into article files, sorted and without repeats; a
    symlink counts as the file it points to. A JSON Lines file, or a JSON array of more than one
    record, becomes one item per record."""
    found = Discovery()
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser().resolve()
        if not path.exists():
            found.rejects.append(Reject("discover", source_of(path), "not_found", f"no such file or folder: {source_of(Path(raw))}"))
            continue
        candidates = [path] if path.is_file() else sorted(_article_files(path, found.rejects))
        if not candidates:
            kinds = ", ".join(MEDIA_TYPES)
            found.rejects.append(Reject("discover", source_of(path), "no_articles",
                                        f"no article files ({kinds}) under {source_of(Path(raw))}"))
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                found.files += _records_of(candidate, found.rejects)
    return found


def source_of(path: Path) -> str:
    """A path as the text stored in `source`: bytes of the name that are not UTF-8 kept as escapes
    (b"bad\\xffname.txt" -> "bad\\\\xffname.txt"), since the warehouse stores text, not bytes."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # the file system gave undecodable bytes as surrogates
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return text


def _article_files(folder: Path, rejects: list[Reject]):
    """Article files under folder (symlinked folders followed), each as the real file it is; a folder
    that cannot be listed is a reject."""
    def refuse(error: OSError) -> None:
        where = source_of(Path(error.filename)) if error.filename else source_of(folder)
        rejects.append(Reject("discover", where, "unreadable_folder", f"folder skipped: {error.strerror or error}"))

    walked: set[str] = set()
    for root, folders, names in os.walk(folder, onerror=refuse, followlinks=True):
        real_root = os.path.realpath(root)
        walked.add(real_root)
        # a symlinked folder is followed once: not again where it leads back into the tree (a loop)
        folders[:] = [f for f in folders if os.path.realpath(os.path.join(root, f)) not in walked]
        for name in names:
            if os.path.splitext(name)[1].lower() in MEDIA_TYPES and not name.startswith("."):
                real = _real_file(real_root, name)
                if real is not None:
                    yield real


def _real_file(real_root: str, name: str) -> Path | None:
    """The regular file real_root/name is, a symlink followed, or None. One lstat for a file that is no symlink:
    Path.resolve() looks at every folder of the path, and so took most of the time discovering 10,000 files."""
    path = os.path.join(real_root, name)
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISLNK(mode):
        real = os.path.realpath(path)
        return Path(real) if os.path.isfile(real) else None
    return Path(path) if stat.S_ISREG(mode) else None


def _is_json_lines(path: Path) -> bool:
    return MEDIA_TYPES.get(path.suffix.lower()) == "application/jsonl"


def _records_of(path: Path, rejects: list[Reject]) -> list[Path | Record]:
    """A JSON Lines file's records, a JSON array file's (if more than one), or the file itself."""
    if _is_json_lines(path):
        return _json_lines(path, rejects)
    if MEDIA_TYPES.get(path.suffix.lower()) == "application/json":
        records = _json_array(path, rejects)
        return records if len(records) > 1 else [path]  # one record: the file is the article, as an object is
    return [path]


def _json_array(path: Path, rejects: list[Reject]) -> list[Record]:
    """The elements of a JSON array file as Records (none if it holds no array); a defect of the array
    itself (cut off, text after it) is one reject, its records kept."""
    try:
        with path.open("rb") as stream:
            if not OPENING.match(stream.read(64)):  # an object: one article, read whole
                return []
            stream.seek(0)
            spans, problem = element_spans(stream)
    except OSError as exc:
        rejects.append(Reject("discover", source_of(path), "unreadable", f"cannot read {source_of(path)}: {exc.strerror or exc}"))
        return []
    if problem and len(spans) > 1:
        rejects.append(Reject("discover", source_of(path), "bad_json", f"{source_of(path)}: {problem}; its records were read"))
    return [Record(path, n, start, end) for n, (start, end) in enumerate(spans, 1)]


def _json_lines(path: Path, rejects: list[Reject], chunk_size: int = 1 << 20) -> list[Record]:
    """The non-blank lines of a JSON Lines file as Records, the file read in 1 MB chunks."""
    records: list[Record] = []
    try:
        with path.open("rb") as stream:
            line, start, offset, blank = 1, 0, 0, True
            while chunk := stream.read(chunk_size):
                at = 0
                while (newline := chunk.find(b"\n", at)) >= 0:
                    blank = blank and not chunk[at:newline].strip()
                    if not blank:
                        records.append(Record(path, line, start, offset + newline))
                    line, start, blank, at = line + 1, offset + newline + 1, True, newline + 1
                blank = blank and not chunk[at:].strip()
                offset += len(chunk)
            if not blank:
                records.append(Record(path, line, start, offset))
    except OSError as exc:
        rejects.append(Reject("discover", source_of(path), "unreadable", f"cannot read {source_of(path)}: {exc.strerror or exc}"))
    return records


def read_documents(files: list[Path | Record], max_bytes: int) -> tuple[list[RawDocument], list[Reject]]:
    """Read each file's bytes; a JSON Lines or JSON array file gives one document per record, a Record one.

    The size limit is one article's: a record is measured alone, not its file.
    """
    documents: list[RawDocument] = []
    rejects: list[Reject] = []
    for item in files:
        if isinstance(item, Record):
            found, refused = _read_record(item, max_bytes)
        else:
            found, refused = _read_file(item, max_bytes)
        documents += found
        rejects += refused
    return documents, rejects


def _read_file(path: Path, max_bytes: int) -> tuple[list[RawDocument], list[Reject]]:
    source = source_of(path)
    media_type = MEDIA_TYPES.get(path.suffix.lower(), "text/plain")
    if media_type.startswith("application/json"):  # named directly to read_documents, not through discover
        rejects: list[Reject] = []
        records = _records_of(path, rejects)
        if records != [path]:
            documents, refused = read_documents(records, max_bytes)
            return documents, rejects + refused
        if rejects:  # the file cannot be read
            return [], rejects
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return [], [_too_large(source, size, max_bytes)]
        content = path.read_bytes()
    except OSError as exc:
        return [], [Reject("acquire", source, "unreadable", f"cannot read {source}: {exc.strerror or exc}")]
    if media_type.startswith("application/json"):
        return split_json(source, content, media_type)
    return [make_document(source, content, media_type)], []


def _read_record(record: Record, max_bytes: int) -> tuple[list[RawDocument], list[Reject]]:
    try:
        with record.path.open("rb") as stream:
            stream.seek(record.start)
            line = stream.read(min(record.end - record.start, max_bytes + 1))
    except OSError as exc:
        return [], [Reject("acquire", record.where, "unreadable", f"cannot read {record.where}: {exc.strerror or exc}")]
    return _record_documents(record, line, max_bytes)


def _record_documents(record: Record, line: bytes, max_bytes: int) -> tuple[list[RawDocument], list[Reject]]:
    size = record.end - record.start
    if size > max_bytes:
        return [], [_too_large(record.where, size, max_bytes)]
    return split_json(record.where, line, "application/json-record")  # one record, even a list


def _too_large(source: str, size: int, max_bytes: int) -> Reject:
    return Reject("acquire", source, "too_large", f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit for one article")


def make_document(source: str, content: bytes, media_type: str, hints: dict | None = None) -> RawDocument:
    return RawDocument(source, content, media_type, hashlib.sha256(content).hexdigest(), hints or {})


def split_json(source: str, content: bytes, media_type: str) -> tuple[list[RawDocument], list[Reject]]:
    """A JSON array or object (or one JSON Lines record) -> one document per record, the record's JSON
    kept as its bytes. A JSON Lines file goes line by line through discover's Records instead."""
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [], [Reject("acquire", source, "bad_json", f"not valid UTF-8 JSON: {exc}")]
    items = data if isinstance(data, list) and media_type != "application/json-record" else [data]
    records = [(f"{source}#{n}" if len(items) > 1 else source, item) for n, item in enumerate(items, 1)]
    documents = [
        make_document(_record_source(where, record), json.dumps(record, ensure_ascii=False).encode("utf-8"),
                      "application/json")
        for where, record in records
    ]
    return documents, []


def _record_source(where: str, record: object) -> str:
    """A record's own URL identifies it better than its line number: {"url": "https://..."}."""
    url = record.get("url") if isinstance(record, dict) else None
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else where
