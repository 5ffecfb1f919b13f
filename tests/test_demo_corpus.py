"""Checks for the built-in demo corpus (src/sitreps/data/demo/reports.jsonl).

Fast: no spaCy, no network. The corpus is sample text written for the sitreps demo.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import itertools
import json
import re
from collections import defaultdict

import pytest

FIELDS = ("id", "title", "published", "outlet", "url", "text")
# A photo caption is a paragraph ending with a credit in parentheses, either
# "(Photo: Name)" or "(Name/Agency ...)".
CREDIT_RE = re.compile(r"\s*\((?:Photo:\s*[^)]+|[^()/]+/[^()]+)\)\s*$")
NEAR_DUP = ("demo-005", "demo-007")


def _resource():
    return importlib.resources.files("sitreps") / "data/demo/reports.jsonl"


@pytest.fixture(scope="module")
def reports() -> list[dict]:
    with _resource().open("r", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _jaccard(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    return len(ta & tb) / len(ta | tb)


def _captions(text: str) -> list[str]:
    out = []
    for para in text.split("\n\n"):
        para = para.strip()
        m = CREDIT_RE.search(para)
        if m and "\n" not in para:
            out.append(para[: m.start()].strip())
    return out


def test_resource_opens_via_importlib():
    res = _resource()
    assert res.is_file()
    assert res.read_text(encoding="utf-8").strip()


def test_count(reports):
    assert 20 <= len(reports) <= 40


def test_fields_and_types(reports):
    for r in reports:
        for f in FIELDS:
            assert f in r, (r.get("id"), f)
            assert isinstance(r[f], str) and r[f].strip(), (r.get("id"), f)
        assert re.fullmatch(r"demo-\d{3}", r["id"])
        assert r["url"].startswith("https://demo.sitreps.invalid/")


def test_ids_and_urls_unique(reports):
    ids = [r["id"] for r in reports]
    assert len(ids) == len(set(ids))
    urls = [r["url"] for r in reports]
    assert len(urls) == len(set(urls))


def test_dates_valid(reports):
    for r in reports:
        d = dt.date.fromisoformat(r["published"])
        assert dt.date(2022, 1, 1) <= d <= dt.date(2022, 12, 31), r["id"]


def test_lengths_and_paragraphs(reports):
    for r in reports:
        n = len(r["text"].split())
        assert 150 <= n <= 420, (r["id"], n)
        assert "\n\n" in r["text"], r["id"]
        assert "(" in r["text"].split("\n\n")[0] or r["text"].startswith("By "), r["id"]


def test_repeated_captions(reports):
    seen: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        for cap in _captions(r["text"]):
            seen[cap].add(r["id"])
    repeated = [c for c, ids in seen.items() if len(ids) >= 2]
    assert len(repeated) >= 2, seen
    # at least one report prints the same caption twice with different credits
    twice = [r["id"] for r in reports
             if any(n >= 2 for n in _count(_captions(r["text"])).values())]
    assert twice


def _count(items):
    c: dict[str, int] = defaultdict(int)
    for i in items:
        c[i] += 1
    return c


def test_near_duplicate_pair(reports):
    by_id = {r["id"]: r for r in reports}
    a, b = (by_id[i] for i in NEAR_DUP)
    assert a["title"] != b["title"]
    assert a["text"] != b["text"]
    assert _jaccard(a["text"], b["text"]) > 0.8
    # and no other pair is that close: the near-duplicate is deliberate and unique
    close = [(x["id"], y["id"]) for x, y in itertools.combinations(reports, 2)
             if _jaccard(x["text"], y["text"]) > 0.8]
    assert close == [NEAR_DUP]


def test_readme_lists_every_report(reports):
    readme = (importlib.resources.files("sitreps") / "data/demo/README.md").read_text(
        encoding="utf-8")
    assert "MIT" in readme
    for r in reports:
        assert r["id"] in readme, r["id"]
