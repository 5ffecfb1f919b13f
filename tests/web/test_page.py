"""The map page end to end in headless Chromium: load, markers, timeline filter, event detail, XSS."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _wait_until(page, predicate, what: str, timeout_ms: int = 15_000) -> None:
    """Poll ``predicate()`` from Python: the page's CSP forbids the eval Playwright's wait_for_function uses."""
    waited = 0
    while not predicate():
        if waited >= timeout_ms:
            raise AssertionError(f"timed out waiting for {what}")
        page.wait_for_timeout(100)
        waited += 100


def _count(page) -> int:
    return page.locator(".event-item").count()


def _list_dates(page) -> list[str]:
    return [t.split(" · ")[0] for t in page.locator(".event-item .meta").all_inner_texts()]


def test_page_loads_map_markers_legend_and_list(page, server):
    import httpx

    api = httpx.get(server + "/api/events").json()
    assert api["total"] >= 4
    assert page.locator(".event-item").count() == api["total"]
    clusters = httpx.get(server + "/api/clusters", params={"limit": 1000}).json()["items"]
    with_coords = [c for c in clusters if c["lat"] is not None]
    assert with_coords and page.locator("path.event-marker").count() == len(with_coords)
    assert "Battles" in page.locator("#legend").inner_text()
    _wait_until(page, lambda: page.locator(".leaflet-overlay-pane path").count() > 100, "country borders")
    assert page.locator(".admin-label").count() > 0  # GeoNames admin-1 labels
    assert all(url.startswith(server) or url.startswith("data:") for url in page.requests), page.requests
    assert page.errors == []


def test_timeline_brush_filters_list_and_map(page):
    before = page.locator(".event-item").count()
    box = page.locator("#timeline").bounding_box()
    assert box is not None
    # Drag across the right two-thirds: the early March protest drops out.
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.4, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.7, y, steps=5)
    page.mouse.move(box["x"] + box["width"] - 2, y, steps=5)
    page.mouse.up()
    _wait_until(page, lambda: _count(page) < before, "the list to shrink")
    start = page.locator("#f-from").input_value()
    end = page.locator("#f-to").input_value()
    assert start and end and start <= end
    dates = _list_dates(page)
    assert dates and all(start <= d <= end for d in dates)
    assert "Peaceful protest" not in page.locator("#event-list").inner_text()
    assert page.locator("path.event-marker").count() < before
    page.locator("#timeline").dblclick()
    _wait_until(page, lambda: _count(page) == before, "the list to be whole again")


def test_date_inputs_filter_too(page):
    page.fill("#f-from", "2022-05-01")
    _wait_until(page, lambda: all(d >= "2022-05-01" for d in _list_dates(page)), "the date filter")
    assert all(d >= "2022-05-01" for d in _list_dates(page))


def test_click_event_shows_claims_and_highlighted_evidence(page):
    item = page.locator(".event-item", has_text="Armed clash").first
    item.click()
    page.wait_for_selector("#article-text mark.hl-ev")
    detail = page.locator("#detail")
    assert "Armed clash" in detail.locator("h2").inner_text()
    claims = detail.locator(".claim")
    assert claims.count() == 2
    text = detail.inner_text()
    assert "General Staff of Ukraine" in text and "claimed" in text
    evidence = "".join(page.locator("#article-text mark.hl-ev").all_inner_texts())
    assert evidence.startswith("Ukrainian troops fought Russian units near Izium")
    assert page.locator("#article-text mark.hl-src").count() >= 1
    assert page.locator("#article-text mark.hl-cue").count() >= 1
    assert page.locator("#article-text mark.hl-claim").count() >= 1
    full = page.locator("#article-text").inner_text()
    assert "The ministry claimed that 40 Russian soldiers were killed" in full
    assert item.get_attribute("class") is not None and "selected" in (item.get_attribute("class") or "")


def test_act_claims_are_tagged_and_the_reader_can_filter_them(page):
    page.locator(".event-item", has_text="Sumy").first.click()
    page.wait_for_selector("#article-text mark.hl-ev")
    detail = page.locator("#detail")
    claims = detail.locator(".claim")
    assert claims.count() == 2
    act = detail.locator(".claim.act")
    assert act.count() == 1 and "refused to confirm" in act.inner_text()
    assert act.locator(".badge.act").inner_text() == "act"
    page.select_option("#claim-kind", "speech")
    assert detail.locator(".claim:visible").count() == 1
    assert "regional governor" in detail.locator(".claim:visible").inner_text()
    page.select_option("#claim-kind", "act")
    assert detail.locator(".claim:visible").count() == 1
    assert "refused to confirm" in detail.locator(".claim:visible").inner_text()
    # the choice holds for the next event the reader opens
    page.locator(".event-item", has_text="Armed clash").first.click()
    page.wait_for_selector("#detail h2:has-text('Armed clash')")
    assert page.locator("#claim-kind").input_value() == "act"
    assert detail.locator(".claim:visible").count() == 0 and detail.locator(".claim").count() == 2
    page.select_option("#claim-kind", "all")
    assert detail.locator(".claim:visible").count() == 2
    assert page.errors == []


def test_click_marker_selects_its_event(page):
    page.locator("path.event-marker").first.click(force=True)
    page.wait_for_selector("#article-text mark.hl-ev")
    assert page.locator(".event-item.selected").count() == 1


def test_markup_in_an_article_never_runs(page):
    page.fill("#f-q", "Odesa")
    _wait_until(page, lambda: 0 < _count(page) < 5, "the text search")
    page.locator(".event-item", has_text="warehouse").first.click()
    page.wait_for_selector("#article-text mark.hl-ev")
    page.wait_for_timeout(300)  # give an injected onerror handler the chance to fire, if it existed
    assert page.evaluate("typeof window.__xss") == "undefined"
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__xss = 'script'</script>" in text
    assert "onerror=" in text
    assert page.locator("#detail script, #detail img, #event-list img, #event-list script").count() == 0
    assert "<img src=x" in page.locator(".article-head").inner_text()  # the title, as text
    assert page.errors == []
