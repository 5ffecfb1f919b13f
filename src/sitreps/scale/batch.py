"""Batch extraction in partitions: plan, run one partition, write Parquet, keep a manifest, read back.

Why partitions with ids from (input file, first row): a partition is the unit of work, of retry and of
resumption. The same input always gives the same partition ids, so ``DIR/_manifest.json`` can tell a re-run which
partitions are finished, and a partition that failed is simply run again. :func:`run_partition` is THE function
every engine runs (local, Dask, Spark): the records cannot differ between engines.

Models are loaded once per worker process: :func:`worker_pipeline` keeps the loaded pipeline in a module-level
cache keyed by the settings, and a worker process imports this module once.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, EncodingError, InputError
from ..model import PIPELINE_VERSION
from .records import RECORD_TABLES, TABLES, arrow_schema, result_from_tables, result_rows

if TYPE_CHECKING:
    from ..ingest.readers import ReadOptions
    from ..model import Article, ArticleResult
    from ..pipeline import Pipeline
    from ..settings import Settings

MANIFEST = "_manifest.json"
_EXT_FORMAT = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".tsv": "csv",
               ".parquet": "parquet", ".pq": "parquet", ".txt": "txt", ".html": "html", ".htm": "html"}
_COMPRESSION = (".gz", ".bz2", ".xz", ".zst")


@dataclass(frozen=True)
class PartitionSpec:
    """Rows ``[start_row, start_row + n_rows)`` of one input file. ``byte_offset``: where a JSONL one starts."""

    id: str
    url: str
    fmt: str
    start_row: int
    n_rows: int
    byte_offset: int | None = None
    first_line: int = 1


@dataclass(frozen=True)
class BatchJob:
    """Everything a worker needs besides the partition: picklable, small."""

    output: str
    settings: Settings
    read_options: ReadOptions


@dataclass
class BatchReport:
    finished: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    articles: int = 0
    read_errors: int = 0
    planning_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


# ------------------------------------------------------------------------------------------- planning

def _format_of(url: str, options: ReadOptions) -> str:
    if options.format:
        return options.format
    name = url.lower()
    for c in _COMPRESSION:
        name = name.removesuffix(c)
    for ext, fmt in _EXT_FORMAT.items():
        if name.endswith(ext):
            return fmt
    raise ConfigError(f"{url}: cannot tell the format from the extension; pass --format jsonl|csv|parquet|txt|html")


def _known_extension(path: str) -> bool:
    name = path.lower()
    for c in _COMPRESSION:
        name = name.removesuffix(c)
    return any(name.endswith(ext) for ext in _EXT_FORMAT)


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files (as fsspec URLs or local paths) named by paths, folders and globs, sorted within each input."""
    import fsspec

    out: list[str] = []
    for raw in inputs:
        fs, path = fsspec.core.url_to_fs(str(raw))
        if any(ch in path for ch in "*?["):
            found = sorted(fs.glob(path))
        elif fs.isdir(path):  # in a folder, only the files we can read (a README or a YAML is not input)
            found = sorted(p for p in fs.find(path) if not p.rsplit("/", 1)[-1].startswith((".", "_"))
                           and _known_extension(p))
        elif fs.exists(path):
            found = [path]
        else:
            raise ConfigError(f"input {raw} does not exist; pass existing files, folders or globs")
        local = "://" not in str(raw)
        out.extend(p if local else fs.unstrip_protocol(p) for p in found)
    return out


def _partition_id(url: str, start_row: int) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", url.rsplit("/", 1)[-1])[:40]
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{digest}-{start_row:09d}"


def _open(url: str) -> Any:
    import fsspec

    return fsspec.open(url, "rb", compression="infer")


def plan_partitions(inputs: Iterable[str], options: ReadOptions, partition_size: int) -> list[PartitionSpec]:
    """Partitions of ``partition_size`` records per input file, in input order (reads each file once)."""
    if partition_size < 1:
        raise ConfigError(f"--partition-size must be at least 1, got {partition_size}")
    specs: list[PartitionSpec] = []
    for url in expand_inputs(inputs):
        fmt = _format_of(url, options)
        compressed = url.lower().endswith(_COMPRESSION)
        if fmt == "jsonl":
            starts: list[tuple[int, int, int]] = []  # (row, byte offset, line number)
            row = offset = 0
            lines = _jsonl_lines(url, options)
            for line_no, line, size in lines:
                if line.strip():
                    if row % partition_size == 0:
                        starts.append((row, offset, line_no))
                    row += 1
                offset += size
            seekable = not compressed and not lines.decoded
            for k, (r, off, ln) in enumerate(starts):
                n = (starts[k + 1][0] if k + 1 < len(starts) else row) - r
                specs.append(PartitionSpec(_partition_id(url, r), url, fmt, r, n, off if seekable else None, ln))
        elif fmt in ("csv", "parquet"):
            total = sum(1 for _ in _iter_rows(url, fmt, options)) if fmt == "csv" else _parquet_rows(url)
            for r in range(0, total, partition_size):
                specs.append(PartitionSpec(_partition_id(url, r), url, fmt, r, min(partition_size, total - r)))
        else:  # one document per file
            specs.append(PartitionSpec(_partition_id(url, 0), url, fmt, 0, 1))
    return specs


def _parquet_rows(url: str) -> int:
    import pyarrow.parquet as pq

    with _open(url) as f:
        return int(pq.ParquetFile(f).metadata.num_rows)


# -------------------------------------------------------------------------------------------- reading

def _iter_rows(url: str, fmt: str, options: ReadOptions) -> Iterator[tuple[str, dict[str, Any]]]:
    """(location, record) for every CSV or Parquet row of ``url``."""
    if fmt == "csv":
        from ..ingest.encoding import decode_bytes
        from ..ingest.readers import _sniff_delimiter

        with _open(url) as f:
            text, _ = decode_bytes(f.read(), url, options.encoding)
        delimiter = options.csv_delimiter or _sniff_delimiter(text, url)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = [h.strip().lstrip("\ufeff") for h in next(reader, [])]
        n = 0
        for row in reader:
            if any(cell.strip() for cell in row):
                n += 1
                yield f"{url}:row {n}", dict(zip(header, row, strict=False))
    else:
        import pyarrow.parquet as pq

        with _open(url) as f:
            n = 0
            for batch in pq.ParquetFile(f).iter_batches(batch_size=512):
                for rec in batch.to_pylist():
                    n += 1
                    yield f"{url}:row {n}", rec


def read_partition(spec: PartitionSpec, options: ReadOptions) -> Iterator[Article | InputError]:
    """The articles of one partition, built by the readers' own row → article function; bad rows as errors."""
    from ..ingest.readers import read_document_bytes, record_to_article

    if spec.fmt == "jsonl":
        yield from _read_jsonl_partition(spec, options)
    elif spec.fmt in ("csv", "parquet"):
        end = spec.start_row + spec.n_rows
        for i, (location, rec) in enumerate(_iter_rows(spec.url, spec.fmt, options)):
            if i >= end:
                break
            if i >= spec.start_row:
                yield record_to_article(rec, location, options, "column", spec.fmt)
    else:
        with _open(spec.url) as f:
            data = f.read()
        yield from read_document_bytes(data, spec.url, options)


class _JsonlLines:
    """(line number, line, its size in bytes) of a JSONL input, by the readers' rule: streamed as bytes (a UTF-8
    byte-order mark dropped from line 1; a line in another encoding is detected by ``jsonl_record``) unless a
    UTF-16/32 byte-order mark or ``--encoding`` other than UTF-8 asks for the whole file to be decoded first
    (then ``decoded`` is True and sizes are 0: such a file has no byte offsets to seek to)."""

    def __init__(self, url: str, options: ReadOptions, byte_offset: int | None = None, first_line: int = 1) -> None:
        from ..ingest.encoding import bom_encoding

        self.url, self.options, self.byte_offset, self.first_line = url, options, byte_offset, first_line
        wanted = (options.encoding or "utf-8").lower().replace("_", "-")
        with _open(url) as f:
            bom = bom_encoding(f.read(4))
        self.decoded = wanted not in {"utf-8", "utf8"} or (bom is not None and bom[0] != "utf-8")

    def __iter__(self) -> Iterator[tuple[int, bytes | str, int]]:
        if self.decoded:
            from ..ingest.encoding import decode_bytes

            with _open(self.url) as f:
                text, _ = decode_bytes(f.read(), self.url, self.options.encoding)
            for n, line in enumerate(text.splitlines(), start=1):
                yield n, line, 0
            return
        with _open(self.url) as f:
            if self.byte_offset:
                f.seek(self.byte_offset)
            for n, raw in enumerate(f, start=self.first_line if self.byte_offset is not None else 1):
                size = len(raw)
                if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                yield n, raw, size


def _jsonl_lines(url: str, options: ReadOptions, byte_offset: int | None = None, first_line: int = 1) -> _JsonlLines:
    return _JsonlLines(url, options, byte_offset, first_line)


def _read_jsonl_partition(spec: PartitionSpec, options: ReadOptions) -> Iterator[Article | InputError]:
    """The records of one JSONL partition; each line goes through the readers' ``jsonl_record`` (the same
    parsing, encoding detection and error messages as `sitreps ingest`)."""
    from ..ingest.readers import jsonl_record

    row = spec.start_row if spec.byte_offset is not None else 0
    try:
        for line_no, raw, _ in _jsonl_lines(spec.url, options, spec.byte_offset, spec.first_line):
            if not raw.strip():
                continue
            row += 1
            if row <= spec.start_row:
                continue
            if row > spec.start_row + spec.n_rows:
                break
            item = jsonl_record(raw, f"{spec.url}:line {line_no}", options)
            if item is not None:
                yield item
    except EncodingError as exc:  # a file decoded whole that cannot be decoded
        yield exc


# ------------------------------------------------------------------------------- one partition, any engine

# Articles parsed together in a worker. Long reports (ISW: ~12 k characters) in batches of 32 took a worker to
# ~1.06 GB peak RSS; batches of 8 stay near 0.76 GB at the same words per CPU-second (docs/BENCHMARKS.md).
WORKER_BATCH = 8

_PIPELINES: dict[str, Pipeline] = {}
LOAD_COUNT = {"pipelines": 0}  # how often this process loaded a pipeline (tests check: once per worker)


def worker_pipeline(settings: Settings) -> Pipeline:
    """The pipeline for ``settings`` in this process, loaded on first use and kept for the next partitions."""
    key = repr(settings)
    if key not in _PIPELINES:
        from ..pipeline import load_pipeline

        _PIPELINES[key] = load_pipeline(settings)
        LOAD_COUNT["pipelines"] += 1
    return _PIPELINES[key]


def pipelines_loaded() -> int:
    """How many pipelines this process has loaded (``client.run(pipelines_loaded)`` asks every worker)."""
    return LOAD_COUNT["pipelines"]


def warm_worker(settings: Settings) -> int:
    """Load the pipeline in this worker ahead of the first partition (``client.run(warm_worker, settings)``).

    Returns the number of pipelines this process has loaded (the pipeline itself does not pickle).
    """
    worker_pipeline(settings)
    return LOAD_COUNT["pipelines"]


def run_partition(spec: PartitionSpec, job: BatchJob) -> dict[str, Any]:
    """Read, extract and write one partition; returns its counts. Raises if it cannot finish (engines retry)."""
    pipeline = worker_pipeline(job.settings)
    articles: list[Article] = []
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for item in read_partition(spec, job.read_options):
        if isinstance(item, InputError):
            rows["errors"].append({"article_id": None, "location": item.location, "stage": "read",
                                   "code": item.code, "message": item.reason})
        else:
            articles.append(item)
    n_read_errors = len(rows["errors"])
    for result in pipeline.pipe(articles, batch_size=min(pipeline.settings.batch_size, WORKER_BATCH)):
        for table, trows in result_rows(result).items():
            rows[table].extend(trows)
    write_partition(job.output, spec.id, rows)
    return {"partition": spec.id, "input": spec.url, "start_row": spec.start_row, "n_rows": spec.n_rows,
            "articles": len(articles), "read_errors": n_read_errors,
            "records": {t: len(rows[t]) for t in RECORD_TABLES}}


def write_partition(output: str, partition: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Write every table of one partition (empty ones too), each file atomically (temporary name, then move)."""
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    fs, root = fsspec.core.url_to_fs(output)
    for table in TABLES:
        trailer = {"pipeline_version": PIPELINE_VERSION, "partition": partition}
        data = pa.Table.from_pylist([{**r, **trailer} for r in rows[table]], schema=arrow_schema(table))
        folder = f"{root}/{table}"
        fs.makedirs(folder, exist_ok=True)
        path = f"{folder}/part-{partition}.parquet"
        tmp = f"{folder}/.tmp-{uuid.uuid4().hex}"
        with fs.open(tmp, "wb") as f:
            pq.write_table(data, f)
        fs.mv(tmp, path)


# ------------------------------------------------------------------------------------------- manifest

def read_manifest(output: str) -> dict[str, Any]:
    import fsspec

    fs, root = fsspec.core.url_to_fs(output)
    path = f"{root}/{MANIFEST}"
    if not fs.exists(path):
        return {"pipeline_version": PIPELINE_VERSION, "partitions": {}}
    with fs.open(path, "rb") as f:
        data: dict[str, Any] = json.loads(f.read().decode("utf-8"))
    return data


def write_manifest(output: str, manifest: dict[str, Any]) -> None:
    import fsspec

    fs, root = fsspec.core.url_to_fs(output)
    fs.makedirs(root, exist_ok=True)
    tmp = f"{root}/.tmp-manifest-{uuid.uuid4().hex}"
    with fs.open(tmp, "wb") as f:
        f.write(json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8"))
    fs.mv(tmp, f"{root}/{MANIFEST}")


# ------------------------------------------------------------------------------------------------ driver

Engine = Callable[[list[PartitionSpec], BatchJob, Callable[[PartitionSpec, dict[str, Any]], None]],
                  dict[str, str]]


def run_batch(inputs: Iterable[str], output: str, *, engine: str | Engine = "dask",
              settings: Settings | None = None, read_options: ReadOptions | None = None,
              partition_size: int = 64, workers: int = 2, scheduler: str | None = None,
              retries: int = 2, redo: bool = False) -> BatchReport:
    """Extract every article of ``inputs`` into Parquet tables under ``output``; skip finished partitions.

    ``engine``: "dask" (a LocalCluster of ``workers`` processes, or the scheduler at ``scheduler``), "local"
    (this process), "spark" (needs pyspark), or any callable with the signature of :data:`Engine`.
    """
    from ..ingest.readers import ReadOptions
    from ..settings import load_settings
    from .engines import get_engine

    settings = settings or load_settings()
    read_options = read_options or ReadOptions(published=settings.published, max_chars=settings.max_chars)
    specs = plan_partitions(inputs, read_options, partition_size)
    manifest = read_manifest(output)
    # results of another pipeline version are redone; ``redo`` redoes everything (stages changed, same version)
    if redo or manifest.get("pipeline_version") != PIPELINE_VERSION:
        manifest = {"pipeline_version": PIPELINE_VERSION, "partitions": {}}
    done = manifest["partitions"]
    report = BatchReport()
    todo = []
    for spec in specs:
        if spec.id in done:
            report.skipped.append(spec.id)
        else:
            todo.append(spec)
    job = BatchJob(output=output, settings=settings, read_options=read_options)

    def on_done(spec: PartitionSpec, counts: dict[str, Any]) -> None:
        done[spec.id] = {**counts, "finished": datetime.now(UTC).isoformat(timespec="seconds")}
        write_manifest(output, manifest)
        report.finished.append(spec.id)
        report.articles += int(counts["articles"])
        report.read_errors += int(counts["read_errors"])

    run = get_engine(engine, workers=workers, scheduler=scheduler, retries=retries) if isinstance(engine, str) \
        else engine
    if todo:
        report.failed = run(todo, job, on_done)
    elif not specs:
        write_manifest(output, manifest)
    return report


# ------------------------------------------------------------------------------------------- read back

def read_table(output: str, table: str) -> Any:
    """One table of a batch output (finished partitions only) as a pandas DataFrame."""
    import fsspec
    import pandas as pd
    import pyarrow.parquet as pq

    fs, root = fsspec.core.url_to_fs(output)
    frames = []
    for pid in sorted(read_manifest(output)["partitions"]):
        with fs.open(f"{root}/{table}/part-{pid}.parquet", "rb") as f:
            frames.append(pq.read_table(f).to_pandas())
    if not frames:
        return arrow_schema(table).empty_table().to_pandas()
    return pd.concat(frames, ignore_index=True)


def read_output(output: str) -> Iterator[ArticleResult]:
    """Rebuild the :class:`ArticleResult` of every article in a batch output, partition by partition."""
    import fsspec
    import pyarrow.parquet as pq

    fs, root = fsspec.core.url_to_fs(output)
    manifest = read_manifest(output)
    if not manifest["partitions"] and not fs.exists(f"{root}/{MANIFEST}"):
        raise ConfigError(f"{output} holds no {MANIFEST}; pass the --output folder of a `sitreps batch` run")
    for pid in sorted(manifest["partitions"]):
        tables = {}
        for table in ("articles", *RECORD_TABLES):
            with fs.open(f"{root}/{table}/part-{pid}.parquet", "rb") as f:
                tables[table] = pq.read_table(f).to_pylist()
        # keyed by idx: the same text twice in a partition is one article id with its records written twice
        by_article: dict[str, dict[str, dict[int, dict[str, Any]]]] = defaultdict(lambda: defaultdict(dict))
        for table in RECORD_TABLES:
            for row in tables[table]:
                by_article[row["article_id"]][table].setdefault(int(row["idx"]), row)
        for art in tables["articles"]:
            records = {t: list(rows.values()) for t, rows in by_article.get(art["article_id"], {}).items()}
            yield result_from_tables(art, records, art["pipeline_version"])


def partition_as_dict(spec: PartitionSpec) -> dict[str, Any]:
    return dataclasses.asdict(spec)
