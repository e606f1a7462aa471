"""Files and folders -> RawDocuments, bytes kept as read. The one door to the local file system."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

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



@dataclass(slots=True)
class Discovery:
    """What a run's sources hold: article files and URLs, and a reject for each source that gave none."""

    files: list[Path] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)  # article URLs to fetch (flows/acquire/sources.py)
    rejects: list[Reject] = field(default_factory=list)


def discover(paths: list[str]) -> Discovery:
    """Expand files and folders (recursively) into article files, sorted and without repeats."""
    found = Discovery()
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser().resolve()
        if not path.exists():
            found.rejects.append(Reject("discover", str(path), "not_found", f"no such file or folder: {raw}"))
            continue
        candidates = [path] if path.is_file() else sorted(_article_files(path))
        if not candidates:
            kinds = ", ".join(MEDIA_TYPES)
            found.rejects.append(Reject("discover", str(path), "no_articles", f"no article files ({kinds}) under {raw}"))
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                found.files.append(candidate)
    return found


def _article_files(folder: Path):
    for path in folder.rglob("*"):
        if path.suffix.lower() in MEDIA_TYPES and path.is_file() and not path.name.startswith("."):
            yield path


def read_documents(files: list[Path], max_bytes: int) -> tuple[list[RawDocument], list[Reject]]:
    """Read each file's bytes; a JSON or JSON Lines file gives one document per record."""
    documents: list[RawDocument] = []
    rejects: list[Reject] = []
    for path in files:
        source = str(path)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                rejects.append(Reject("acquire", source, "too_large",
                                      f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit for one article"))
                continue
            content = path.read_bytes()
        except OSError as exc:
            rejects.append(Reject("acquire", source, "unreadable", f"cannot read {source}: {exc.strerror or exc}"))
            continue
        media_type = MEDIA_TYPES.get(path.suffix.lower(), "text/plain")
        if media_type.startswith("application/json"):
            documents_of_file, rejects_of_file = split_json(source, content, media_type)
            documents += documents_of_file
            rejects += rejects_of_file
        else:
            documents.append(make_document(source, content, media_type))
    return documents, rejects


def make_document(source: str, content: bytes, media_type: str, hints: dict | None = None) -> RawDocument:
    return RawDocument(source, content, media_type, hashlib.sha256(content).hexdigest(), hints or {})


def split_json(source: str, content: bytes, media_type: str) -> tuple[list[RawDocument], list[Reject]]:
    """JSON array/object or JSON Lines -> one document per record, the record's JSON kept as its bytes."""
    try:
        text = content.decode("utf-8-sig")
        if media_type == "application/jsonl":
            lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
            records = [(f"{source}#{n}", json.loads(line)) for n, line in lines]
        else:
            data = json.loads(text)
            items = data if isinstance(data, list) else [data]
            records = [(f"{source}#{n}" if len(items) > 1 else source, item) for n, item in enumerate(items, 1)]
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [], [Reject("acquire", source, "bad_json", f"not valid UTF-8 JSON: {exc}")]
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
