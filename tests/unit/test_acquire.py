"""Files and folders -> documents: discovery, size limit, unreadable files, JSON containers."""

from __future__ import annotations

import json
import os
import tracemalloc

from flows.acquire.local import Record, discover, read_documents


def test_discovers_article_files_recursively_and_skips_other_kinds(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.txt", "a/b/two.HTML", "a/b/three.md", "four.jsonl", "photo.png", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = discover([str(tmp_path)])
    # a JSON Lines file is found as its records: one line "x" here
    assert sorted(getattr(p, "path", p).name for p in found.files) == ["four.jsonl", "one.txt", "three.md", "two.HTML"]
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


def test_a_json_lines_file_is_discovered_as_its_records_and_each_bad_line_is_one_reject(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": "第一篇"}, ensure_ascii=False), "", "{not json", json.dumps({"text": "第三篇"}, ensure_ascii=False)]
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline after the last line
    found = discover([str(path)])
    assert [r.line for r in found.files] == [1, 3, 4]  # the blank line is no record
    documents, rejects = read_documents(found.files, max_bytes=1_000_000)
    assert [d.source for d in documents] == [f"{path}#1", f"{path}#4"]
    assert [(r.source, r.reason) for r in rejects] == [(f"{path}#3", "bad_json")]
    # the same file named directly: the same documents and the same reject
    assert read_documents([path], max_bytes=1_000_000) == (documents, rejects)


def test_the_size_limit_is_one_records_not_the_json_lines_files(tmp_path):
    path = tmp_path / "feed.jsonl"
    small, large = json.dumps({"text": "短文"}, ensure_ascii=False), json.dumps({"text": "长" * 2000}, ensure_ascii=False)
    path.write_text("\n".join([small] * 50 + [large]) + "\n", encoding="utf-8")
    assert path.stat().st_size > 1_000
    records = discover([str(path)]).files
    assert all(isinstance(r, Record) for r in records) and len(records) == 51
    documents, rejects = read_documents(records, max_bytes=1_000)
    assert len(documents) == 50 and [(r.source, r.reason) for r in rejects] == [(f"{path}#51", "too_large")]


def test_a_symlinked_folder_is_followed_and_a_loop_is_not(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text("正文", encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "more").symlink_to(elsewhere)
    (inbox / "loop").symlink_to(inbox)
    found = discover([str(inbox)])
    assert found.files == [(elsewhere / "b.txt").resolve()] and found.rejects == []


def test_a_symlink_to_a_file_already_found_is_the_same_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("正文", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(article)
    assert discover([str(tmp_path)]).files == [article.resolve()]


def test_a_file_name_that_is_not_utf8_is_kept_as_escaped_bytes(tmp_path):
    folder = bytes(tmp_path) + b"/bad\xffname.txt"
    with open(folder, "wb") as stream:
        stream.write("正文".encode())
    documents, rejects = read_documents(discover([str(tmp_path)]).files, max_bytes=1_000)
    assert rejects == [] and documents[0].source == f"{tmp_path}/bad\\xffname.txt"
    documents[0].source.encode("utf-8")  # storable text


def test_a_folder_that_cannot_be_listed_is_a_reject(tmp_path):
    # A folder nested past PATH_MAX cannot be listed by its path, even by root (CI runs as root, who reads
    # a chmod 000 folder): made one level at a time, relative to the one before.
    (tmp_path / "ok.txt").write_text("正文", encoding="utf-8")
    level = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(20):
            os.mkdir("d" * 250, dir_fd=level)
            deeper = os.open("d" * 250, os.O_RDONLY, dir_fd=level)
            os.close(level)
            level = deeper
    finally:
        os.close(level)
    found = discover([str(tmp_path)])
    assert found.files == [(tmp_path / "ok.txt").resolve()]
    assert [r.reason for r in found.rejects] == ["unreadable_folder"]
    assert found.rejects[0].source.startswith(str(tmp_path / ("d" * 250)))
    assert "File name too long" in found.rejects[0].detail


def write_array(path, elements: list[str]) -> None:
    path.write_text("[\n" + ",\n".join(elements) + "\n]\n", encoding="utf-8")


def test_a_json_array_is_read_record_by_record_and_each_bad_record_is_one_reject(tmp_path):
    path = tmp_path / "feed.json"
    good = [json.dumps({"text": f"第{n}篇"}, ensure_ascii=False) for n in (1, 2)]
    # a record that is no JSON, and one over the size limit, between good ones
    write_array(path, [good[0], '{"text": 未引}', json.dumps({"text": "长" * 2000}, ensure_ascii=False), good[1]])
    found = discover([str(path)])
    assert [(type(r), r.line) for r in found.files] == [(Record, 1), (Record, 2), (Record, 3), (Record, 4)]
    documents, rejects = read_documents(found.files, max_bytes=1_000)
    assert [(d.source, json.loads(d.content)) for d in documents] == [(f"{path}#1", {"text": "第1篇"}),
                                                                      (f"{path}#4", {"text": "第2篇"})]
    assert [(r.source, r.reason) for r in rejects] == [(f"{path}#2", "bad_json"), (f"{path}#3", "too_large")]
    # the same file named directly: the same documents and the same rejects
    assert read_documents([path], max_bytes=1_000) == (documents, rejects)


def test_a_json_array_larger_than_the_limit_loads_whole_when_its_records_are_small(tmp_path):
    path = tmp_path / "feed.json"
    write_array(path, [json.dumps({"text": f"短文{n}", "url": f"https://example.org/{n}"}, ensure_ascii=False)
                       for n in range(60)])
    assert path.stat().st_size > 2_000
    documents, rejects = read_documents(discover([str(path)]).files, max_bytes=2_000)
    assert rejects == [] and [d.source for d in documents] == [f"https://example.org/{n}" for n in range(60)]


def test_a_single_json_object_or_one_record_array_stays_one_article_named_by_its_file(tmp_path):
    one, alone = tmp_path / "one.json", tmp_path / "alone.json"
    one.write_text(json.dumps({"text": "正文", "tags": [1, 2]}, ensure_ascii=False), encoding="utf-8")
    write_array(alone, [json.dumps({"text": "正文"}, ensure_ascii=False)])
    found = discover([str(tmp_path)])
    assert found.files == [alone.resolve(), one.resolve()]
    documents, rejects = read_documents(found.files, max_bytes=1_000)
    assert [d.source for d in documents] == [str(alone.resolve()), str(one.resolve())] and rejects == []


def test_a_cut_off_json_array_keeps_its_whole_records(tmp_path):
    path = tmp_path / "cut.json"
    path.write_text('[{"text": "第一篇"}, {"text": "第二篇"}, {"text": "第三', encoding="utf-8")
    found = discover([str(path)])
    assert [(r.reason, "cut off" in r.detail) for r in found.rejects] == [("bad_json", True)]
    documents, rejects = read_documents(found.files, max_bytes=1_000)
    assert [d.source for d in documents] == [f"{path}#1", f"{path}#2"]
    assert [(r.source, r.reason) for r in rejects] == [(f"{path}#3", "bad_json")]


def test_a_json_array_is_discovered_and_read_in_bounded_memory(tmp_path):
    # 22 MB of records: discovery holds one 1 MB chunk and the spans, a batch its own records only
    # (json.loads of the whole file would hold the file and every parsed record: 88 MB here)
    path = tmp_path / "big.json"
    text = "2024年，昆明市签约项目15个，协议资金96.35亿元。" * 1000
    with path.open("w", encoding="utf-8") as stream:
        stream.write("[" + ",\n".join(json.dumps({"text": text, "n": n}, ensure_ascii=n % 2 == 0) for n in range(240)) + "]")
    assert path.stat().st_size > 20_000_000
    tracemalloc.start()
    try:
        files = discover([str(path)]).files
        documents, rejects = read_documents(files[:5], max_bytes=1_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(files) == 240 and len(documents) == 5 and rejects == []
    assert peak < 8_000_000, f"{peak / 1e6:.1f} MB"
