"""`sitreps batch`'s JSONL partition reader reads what `sitreps ingest` reads, the same way: every line through
``readers.jsonl_record`` (legacy code pages per line, a UTF-8 byte-order mark, UTF-16 and ``--encoding``
files decoded whole), partition by partition."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitreps.errors import InputError
from sitreps.ingest.readers import ReadOptions, read_documents
from sitreps.scale.batch import plan_partitions, read_partition

# Short reports written for these tests, with letters outside ASCII on purpose.
ROWS = [
    {"id": "u1", "date": "2022-05-13", "text": "Shelling hit a café in Kyïv on Friday, officials said."},
    {"id": "u2", "date": "2022-05-14", "text": "Обстріл пошкодив міст у Харкові, повідомили місцеві посадовці."},
    {"id": "u3", "date": "2022-05-15", "text": "A drone struck a depot near Izium overnight, the governor said."},
    {"id": "u4", "date": "2022-05-16", "text": "Officials in Mykolaiv reported a missile strike on the port."},
    {"id": "u5", "date": "2022-05-17", "text": "Partisans claimed an attack on a rail bridge near Melitopol."},
]


def _lines(rows: list[dict[str, str]]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in rows]


def _shape(items: list) -> list[tuple[str, str, str]]:
    """What a reader produced, comparable across readers: (kind, location, text or reason)."""
    out = []
    for item in items:
        if isinstance(item, InputError):
            out.append((type(item).__name__, item.location, item.reason))
        else:
            out.append(("Article", item.meta.get("source_id"), item.text))
    return out


def _batch_read(path: Path, options: ReadOptions, size: int) -> tuple[list, list]:
    specs = plan_partitions([str(path)], options, size)
    return specs, [item for spec in specs for item in read_partition(spec, options)]


def _ingest_read(path: Path, options: ReadOptions) -> list:
    return list(read_documents([path], options))


@pytest.mark.parametrize("size", [1, 2, 3, 10])
def test_utf8_file_with_a_bom_a_cp1252_line_and_a_broken_line_reads_like_ingest(tmp_path: Path, size: int) -> None:
    lines = _lines(ROWS)
    data = b"\xef\xbb\xbf" + b"\n".join([
        lines[0].encode("utf-8"),
        lines[1].encode("utf-8"),
        b"",
        b"{this is not json",
        lines[2].encode("utf-8"),
        json.dumps(ROWS[0] | {"id": "legacy"}, ensure_ascii=False).encode("cp1252"),  # one line in a code page
        lines[3].encode("utf-8"),
        b"[1, 2]",
        lines[4].encode("utf-8"),
    ]) + b"\n"
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(data)
    specs, got = _batch_read(path, ReadOptions(), size)
    want = _ingest_read(path, ReadOptions())
    assert _shape(got) == _shape(want)
    kinds = [k for k, _, _ in _shape(got)]
    assert kinds.count("Article") == 6 and kinds.count("InputError") == 2
    legacy = [item for item in got if not isinstance(item, InputError) and item.meta.get("source_id") == "legacy"]
    assert legacy and "café in Kyïv" in legacy[0].text  # read, not refused as "not UTF-8"
    assert all(s.byte_offset is not None for s in specs)  # plain UTF-8 partitions still seek


@pytest.mark.parametrize(("encoding", "bom", "options"), [
    ("utf-16-le", b"\xff\xfe", ReadOptions()),
    ("utf-16-be", b"\xfe\xff", ReadOptions()),
    ("cp1251", b"", ReadOptions(encoding="cp1251")),
])
def test_files_decoded_whole_are_partitioned_by_rows(tmp_path: Path, encoding: str, bom: bytes,
                                                     options: ReadOptions) -> None:
    rows = ROWS[1:]  # cp1251 has no "ï"
    path = tmp_path / f"{encoding}.jsonl"
    path.write_bytes(bom + ("\n".join(_lines(rows)) + "\n").encode(encoding))
    specs, got = _batch_read(path, options, 2)
    assert [(s.start_row, s.n_rows) for s in specs] == [(0, 2), (2, 2)]
    assert all(s.byte_offset is None for s in specs)
    assert _shape(got) == _shape(_ingest_read(path, options))
    assert [item.text for item in got] == [r["text"] for r in rows]
