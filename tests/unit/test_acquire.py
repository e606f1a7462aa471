"""Files and folders -> documents: discovery, size limit, unreadable files, JSON containers."""

from __future__ import annotations

import json

from flows.acquire.local import discover, read_documents


def test_discovers_article_files_recursively_and_skips_other_kinds(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.txt", "a/b/two.HTML", "a/b/three.md", "four.jsonl", "photo.png", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = discover([str(tmp_path)])
    assert sorted(p.name for p in found.files) == ["four.jsonl", "one.txt", "three.md", "two.HTML"]
    assert found.rejects == []


def test_missing_path_and_folder_without_articles_become_rejects(tmp_path):
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "a.png").write_bytes(b"\x89PNG")
    found = discover([str(tmp_path / "nope.txt"), str(tmp_path / "pictures")])
    assert found.files == []
    assert [r.reason for r in found.rejects] == ["not_found", "no_articles"]


def test_same_file_named_twice_is_read_once(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("正文", encoding="utf-8")
    assert len(discover([str(article), str(tmp_path)]).files) == 1


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2_000)
    documents, rejects = read_documents([big], max_bytes=1_000)
    assert documents == []
    assert rejects[0].reason == "too_large" and "MB" in rejects[0].detail


def test_file_that_cannot_be_read_is_refused_and_the_rest_is_read(tmp_path):
    # a file deleted between discovery and reading (CI runs as root, so a chmod 0 file would still be read)
    kept = tmp_path / "kept.txt"
    kept.write_text("正文", encoding="utf-8")
    documents, rejects = read_documents([tmp_path / "gone.txt", kept], max_bytes=1_000_000)
    assert [d.source for d in documents] == [str(kept)]
    assert rejects[0].reason == "unreadable" and "gone.txt" in rejects[0].detail


def test_json_lines_give_one_document_per_record_keeping_the_record(tmp_path):
    path = tmp_path / "feed.jsonl"
    records = [{"text": "第一篇", "url": "https://example.org/1"}, {"content": "第二篇"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    documents, rejects = read_documents([path], max_bytes=1_000_000)
    assert rejects == []
    assert [d.source for d in documents] == ["https://example.org/1", f"{path}#2"]  # a URL names a record best
    assert json.loads(documents[1].content) == {"content": "第二篇"}


def test_broken_json_is_refused_with_the_parser_message(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"text": "未完', encoding="utf-8")
    _, rejects = read_documents([path], max_bytes=1_000_000)
    assert rejects[0].reason == "bad_json"
