"""Readers: files, folders and globs of text, HTML, JSONL, CSV/TSV and Parquet into :class:`Article` objects.

Every document becomes either an ``Article`` (built through :func:`make_article`, so ids, cleaning and
boilerplate are the same whatever the format) or exactly one :class:`~sitreps.errors.InputError` whose
``location`` names the file (``file``, ``file:line N`` for JSONL, ``file:row N`` for CSV and Parquet, N
counting data rows from 1, the header not counted) and whose reason says what to do. Readers never raise for
a bad document: a corpus of a million lines with three broken ones gives a million minus three articles and
three errors. A ``.json`` file holds one object or an array of objects (``file:item N``). Options that
cannot work for any document (an unknown ``format``) raise ``ConfigError`` at once.
"""

from __future__ import annotations

import codecs
import csv
import glob
import io
import json
import math
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import ConfigError, DocumentTooLarge, EmptyDocument, EncodingError, InputError
from ..model import Article
from .article import make_article
from .encoding import bom_encoding, decode_bytes
from .html import extract_html, looks_like_html

FORMATS = ("txt", "html", "jsonl", "json", "csv", "parquet")
EXTENSIONS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
    ".parquet": "parquet",
}
_DATE_FALLBACKS = ("published", "publish_date", "datetime")
_OUTLET_FALLBACKS = ("publisher", "site", "source")
# A character takes at most 4 bytes in any encoding we read, so a file above 4 x max_chars bytes is too
# large whatever it holds: refused from its size alone, before a byte is read.
_MAX_BYTES_PER_CHAR = 4
_GLOB_CHARS = frozenset("*?[")
# A .json file is parsed whole (unlike JSONL, which streams): refuse files above this many x max_chars bytes.
_MAX_JSON_FILE_FACTOR = 50


@dataclass(frozen=True)
class ReadOptions:
    """How to read documents; every field has a CLI flag of the same name (``--text-field`` ...)."""

    text_field: str = "text"
    title_field: str = "title"
    date_field: str = "date"  # falls back to "published", "publish_date", "datetime"
    url_field: str = "url"
    id_field: str = "id"  # kept in Article.meta["source_id"]; Article.id is always the content hash
    outlet_field: str = "outlet"  # falls back to "publisher", "site", "source"
    format: str | None = None  # "txt", "html", "jsonl", "json", "csv", "parquet"; None: by extension, then sniffing
    published: str | None = None  # default publication date for documents without one
    max_chars: int = 5_000_000  # longer documents -> DocumentTooLarge
    csv_delimiter: str | None = None  # None: sniffed
    encoding: str | None = None  # None: detected


# Frozen, so one shared default is safe.
DEFAULT_OPTIONS = ReadOptions()


# --------------------------------------------------------------------------------------------------- paths

def _is_glob(s: str) -> bool:
    return any(c in _GLOB_CHARS for c in s)


def _walk(folder: Path) -> list[Path]:
    """Files with a known extension under ``folder``, hidden files and folders left out."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if not f.startswith(".") and Path(f).suffix.lower() in EXTENSIONS:
                found.append(Path(root) / f)
    return found


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    seen: set[Path] = set()
    for raw in paths:
        s = str(raw)
        if _is_glob(s) and not Path(s).exists():
            matches = [Path(m) for m in glob.glob(s, recursive=True)]
            files: list[Path] = []
            for m in matches:
                files.extend(_walk(m) if m.is_dir() else [m])
            if not files:
                yield InputError(s, "no file matches this pattern; check the path and quote the pattern "
                                    "so the shell does not expand it")
        else:
            p = Path(s)
            if p.is_dir():
                files = _walk(p)
                if not files:
                    yield InputError(s, "folder holds no file with a known extension "
                                        f"({', '.join(sorted(EXTENSIONS))}); pass files directly with --format")
            elif p.exists():
                files = [p]
            else:
                yield InputError(s, "no such file or folder; check the path")
                continue
        for f in sorted(files):
            if f not in seen:
                seen.add(f)
                yield f


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named by ``paths``: files as given, folders recursively (known extensions), globs.

    Sorted and deduplicated. Paths that match nothing are left out; :func:`read_documents` reports them.
    """
    return sorted({p for p in _expand(paths) if isinstance(p, Path)})


# ------------------------------------------------------------------------------------------------- sources

@dataclass(frozen=True)
class _Source:
    """A file on disk or bytes already in memory (an upload), read the same way."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    def size(self) -> int:
        return len(self.data) if self.data is not None else os.path.getsize(self.path)  # type: ignore[arg-type]

    def open(self) -> IO[bytes]:
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        return self.path.open("rb")

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()

    def head(self, n: int = 4096) -> bytes:
        with self.open() as f:
            return f.read(n)


def _format_of(src: _Source, options: ReadOptions) -> str:
    if options.format:
        return options.format
    fmt = EXTENSIONS.get(Path(src.name).suffix.lower())
    if fmt:
        return fmt
    head = src.head()
    if head.startswith(b"PAR1"):
        return "parquet"
    bom = bom_encoding(head)
    text = head[bom[1]:].decode(bom[0], "replace") if bom else head.decode("utf-8", "replace")
    if looks_like_html(text):
        return "html"
    first = text.lstrip().split("\n", 1)[0]
    if first.startswith("["):
        return "json"
    if first.startswith("{"):
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
    return "txt"


def _check_options(options: ReadOptions) -> None:
    if options.format is not None and options.format not in FORMATS:
        raise ConfigError(f"unknown format {options.format!r}; use one of {', '.join(FORMATS)} or leave it "
                          "unset to decide by extension")
    if options.max_chars <= 0:
        raise ConfigError(f"max_chars must be positive, got {options.max_chars}")
    if options.csv_delimiter is not None and len(options.csv_delimiter) != 1:
        raise ConfigError(f"csv delimiter must be one character, got {options.csv_delimiter!r}")


def read_documents(paths: Iterable[str | Path], options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Article | InputError]:
    """Articles and per-document errors from files, folders and globs, lazily and in path order."""
    _check_options(options)
    return _read_all(paths, options)


def _read_all(paths: Iterable[str | Path], options: ReadOptions) -> Iterator[Article | InputError]:
    for item in _expand(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _read_source(_Source(str(item), path=item), options)


def read_document_bytes(data: bytes, name: str, options: ReadOptions = DEFAULT_OPTIONS) -> list[Article | InputError]:
    """Articles and errors from one uploaded file's bytes; ``name`` gives the extension and error location."""
    _check_options(options)
    return list(_read_source(_Source(name, data=data), options))


def _read_source(src: _Source, options: ReadOptions) -> Iterator[Article | InputError]:
    try:
        fmt = _format_of(src, options)
        reader = _READERS[fmt]
        yield from reader(src, options)
    except OSError as exc:
        yield InputError(src.name, f"cannot be read ({exc.strerror or exc}); check that it exists and is "
                                   "readable")


# ----------------------------------------------------------------------------------------------- documents

def _too_large(location: str, size: str, options: ReadOptions) -> DocumentTooLarge:
    return DocumentTooLarge(location, f"{size} is above the limit of {options.max_chars:,} characters; raise "
                                      "it with --max-chars (setting max_chars, SITREPS_MAX_CHARS) or split "
                                      "the document")


def _document(text: str, location: str, options: ReadOptions, **meta: Any) -> Article | InputError:
    """The one place a decoded text becomes an article: size and emptiness are checked here."""
    if len(text) > options.max_chars:
        return _too_large(location, f"{len(text):,} characters", options)
    published = meta.pop("published", None) or options.published
    extra = {k: v for k, v in meta.pop("meta", {}).items() if v is not None}
    article = make_article(text, published=published, source_path=location, meta=extra, **meta)
    if not article.text:
        return EmptyDocument(location, "no text (empty or whitespace only after cleaning); remove the file "
                                       "or fill it")
    return article


def _bytes_guard(src: _Source, options: ReadOptions) -> InputError | None:
    size = src.size()
    if size > _MAX_BYTES_PER_CHAR * options.max_chars:
        return _too_large(src.name, f"{size:,} bytes", options)
    return None


def _read_txt(src: _Source, options: ReadOptions) -> Iterator[Article | InputError]:
    err = _bytes_guard(src, options)
    if err:
        yield err
        return
    try:
        text, enc = decode_bytes(src.read(), src.name, options.encoding)
    except EncodingError as exc:
        yield exc
        return
    yield _document(text, src.name, options, meta={"format": "txt", "encoding": enc})


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag (first 4 KB), if Python knows it; a BOM wins."""
    if bom_encoding(data):
        return None
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _read_html(src: _Source, options: ReadOptions) -> Iterator[Article | InputError]:
    err = _bytes_guard(src, options)
    if err:
        yield err
        return
    data = src.read()
    try:
        html, enc = decode_bytes(data, src.name, options.encoding or _declared_charset(data))
    except EncodingError as exc:
        if options.encoding:
            yield exc
            return
        try:  # the page's own declaration was wrong: detect instead
            html, enc = decode_bytes(data, src.name)
        except EncodingError as exc2:
            yield exc2
            return
    if len(html) > options.max_chars * 4:
        yield _too_large(src.name, f"{len(html):,} characters of HTML", options)
        return
    text, meta = extract_html(html)
    yield _document(text, src.name, options, title=meta.get("title"), url=meta.get("url"),
                    outlet=meta.get("sitename"), published=meta.get("date"),
                    meta={"format": "html", "encoding": enc, "extractor": meta.get("extractor")})


# ----------------------------------------------------------------------------------------------- records

def _scalar(value: Any) -> str | None:
    """A metadata value as text; None for missing, NaN and nested values."""
    if value is None or isinstance(value, dict | list | tuple | bytes):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    s = str(value).strip()
    return s or None


def _field(rec: Mapping[str, Any], name: str, fallbacks: tuple[str, ...]) -> str | None:
    for key in (name, *fallbacks):
        v = _scalar(rec.get(key))
        if v is not None:
            return v
    return None


def record_to_article(rec: Mapping[str, Any], location: str, options: ReadOptions = DEFAULT_OPTIONS,
                      kind: str = "field", fmt: str = "jsonl") -> Article | InputError:
    """An article from one JSON object, CSV row or Parquet row (``kind``: "field" or "column" in messages).

    Public so that other readers of records (the distributed runner's partitions) build articles exactly as
    these readers do.
    """
    if options.text_field not in rec:
        names = [k for k in rec if k is not None]
        hint = "use --text-field to name the text " + kind
        if fmt == "csv":
            hint += " or --csv-delimiter if the columns are not split right"
        return InputError(location, f"no {kind} {options.text_field!r} — {kind}s are {names}; {hint}")
    text = rec[options.text_field]
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return EmptyDocument(location, f"{kind} {options.text_field!r} is empty; fill it or drop the record")
    if not isinstance(text, str):
        return InputError(location, f"{kind} {options.text_field!r} holds a {type(text).__name__}, not text; "
                                    "point --text-field at the text")
    source_id = _scalar(rec.get(options.id_field))
    return _document(
        text, location, options,
        title=_scalar(rec.get(options.title_field)),
        url=_scalar(rec.get(options.url_field)),
        outlet=_field(rec, options.outlet_field, _OUTLET_FALLBACKS),
        published=_field(rec, options.date_field, _DATE_FALLBACKS),
        meta={"format": fmt, "source_id": source_id},
    )


def _jsonl_lines(src: _Source, options: ReadOptions) -> Iterator[tuple[int, bytes | str]]:
    """(line number, line) pairs; streamed as bytes unless the file is UTF-16/32 or a non-UTF-8 encoding."""
    head = src.head(4)
    bom = bom_encoding(head)
    if (bom and bom[0] != "utf-8") or (options.encoding and options.encoding.lower().replace("_", "-")
                                       not in {"utf-8", "utf8"}):
        text, _ = decode_bytes(src.read(), src.name, options.encoding)
        yield from enumerate(text.splitlines(), start=1)
        return
    with src.open() as f:
        for n, line in enumerate(f, start=1):
            if n == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            yield n, line


def _read_jsonl(src: _Source, options: ReadOptions) -> Iterator[Article | InputError]:
    try:
        for n, raw in _jsonl_lines(src, options):
            item = jsonl_record(raw, f"{src.name}:line {n}", options)
            if item is not None:
                yield item
    except EncodingError as exc:
        yield exc


def jsonl_record(raw: bytes | str, location: str, options: ReadOptions = DEFAULT_OPTIONS) -> Article | InputError | None:
    """One JSONL line → its article, or the error that says what is wrong with it; None for a blank line.

    Bytes are UTF-8, or else decoded by the same detection as whole files (a line in a legacy code page is
    read, not refused). `sitreps ingest` and `sitreps batch`'s partition reader both read lines with this.
    """
    if not raw.strip():
        return None
    if len(raw) > _MAX_BYTES_PER_CHAR * options.max_chars:
        return _too_large(location, f"a line of {len(raw):,} bytes", options)
    if isinstance(raw, str):
        line = raw
    else:
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                line, _ = decode_bytes(raw, location)
            except EncodingError as exc:
                return exc
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(location, f"not valid JSON ({exc.msg} at column {exc.colno}); fix the line or remove it")
    if not isinstance(rec, dict):
        return InputError(location, f"a JSON {type(rec).__name__}, not an object with a "
                                    f"{options.text_field!r} field; write one object per line")
    return record_to_article(rec, location, options, "field", "jsonl")


def _read_json(src: _Source, options: ReadOptions) -> Iterator[Article | InputError]:
    """A ``.json`` file: one object (one article) or an array of objects (``file:item N``)."""
    if src.size() > _MAX_JSON_FILE_FACTOR * options.max_chars:
        yield _too_large(src.name, f"{src.size():,} bytes of JSON (use JSONL to stream it)", options)
        return
    try:
        text, _ = decode_bytes(src.read(), src.name, options.encoding)
    except EncodingError as exc:
        yield exc
        return
    if not text.strip():
        yield EmptyDocument(src.name, "empty JSON file; remove it or fill it")
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(src.name, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
                                   "fix it, or pass --format jsonl if it holds one object per line")
        return
    if isinstance(data, dict):
        yield record_to_article(data, src.name, options, "field", "json")
    elif isinstance(data, list):
        for n, rec in enumerate(data, start=1):
            location = f"{src.name}:item {n}"
            if isinstance(rec, dict):
                yield record_to_article(rec, location, options, "field", "json")
            else:
                yield InputError(location, f"a JSON {type(rec).__name__}, not an object with a "
                                           f"{options.text_field!r} field")
    else:
        yield InputError(src.name, f"a JSON {type(data).__name__}; expected an object or an array of objects")


def _sniff_delimiter(text: str, name: str) -> str:
    """The delimiter of a CSV: tab for .tsv, else the candidate that splits the header line most often.

    The header is read rather than ``csv.Sniffer`` over rows because article texts are full of commas and
    semicolons that mislead the sniffer; header lines rarely hold either.
    """
    if name.lower().endswith(".tsv"):
        return "\t"
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(src: _Source, options: ReadOptions) -> Iterator[Article | InputError]:
    try:
        text, _ = decode_bytes(src.read(), src.name, options.encoding)
    except EncodingError as exc:
        yield exc
        return
    delimiter = options.csv_delimiter or _sniff_delimiter(text, src.name)
    limit = _MAX_BYTES_PER_CHAR * options.max_chars + 1
    if csv.field_size_limit() < limit:
        # The default (131,072 characters) is shorter than a long article; our own limit is max_chars.
        csv.field_size_limit(limit)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield EmptyDocument(src.name, "empty CSV file (no header, no rows); remove it or fill it")
        return
    except csv.Error as exc:
        yield InputError(src.name, f"header cannot be parsed as CSV ({exc}); check --csv-delimiter")
        return
    columns = [h.strip().lstrip("\ufeff") for h in header]
    row_no = 0
    while True:
        row_no += 1
        location = f"{src.name}:row {row_no}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(location, f"cannot be parsed as CSV ({exc}); check quoting and --csv-delimiter")
            continue
        if not any(cell.strip() for cell in row):
            row_no -= 1  # blank lines are not rows
            continue
        yield record_to_article(dict(zip(columns, row, strict=False)), location, options, "column", "csv")


def _read_parquet(src: _Source, options: ReadOptions) -> Iterator[Article | InputError]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(pa.BufferReader(src.data) if src.data is not None else str(src.path))
    except (pa.ArrowException, ValueError) as exc:
        yield InputError(src.name, f"not a readable Parquet file ({exc}); check the file or pass --format")
        return
    names = handle.schema_arrow.names
    if options.text_field not in names:
        # A schema problem, the same for every row: one error for the file rather than one per row.
        yield InputError(src.name, f"no column {options.text_field!r} — columns are {names}; use --text-field "
                                   "to name the text column")
        return
    wanted = {options.text_field, options.title_field, options.date_field, options.url_field,
              options.id_field, options.outlet_field, *_DATE_FALLBACKS, *_OUTLET_FALLBACKS}
    columns = [c for c in names if c in wanted]
    row_no = 0
    try:
        for batch in handle.iter_batches(batch_size=512, columns=columns):
            for rec in batch.to_pylist():
                row_no += 1
                yield record_to_article(rec, f"{src.name}:row {row_no}", options, "column", "parquet")
    except (pa.ArrowException, OSError) as exc:
        yield InputError(f"{src.name}:row {row_no + 1}", f"Parquet data cannot be read from here on ({exc}); "
                                                         "the file may be truncated")


_READERS = {"txt": _read_txt, "html": _read_html, "jsonl": _read_jsonl, "json": _read_json, "csv": _read_csv,
            "parquet": _read_parquet}
