/* sitreps map page. Plain JS, no build step. Article text and every value from the API is untrusted: the DOM
   is built with createElement/textContent only (never innerHTML with data); the page's CSP forbids inline
   scripts as a second line of defence. */
(function () {
  "use strict";

  var TYPE_COLORS = {
    "Battles": "#d0312d",
    "Explosions/Remote violence": "#f28c28",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2e9b4f",
    "Riots": "#8b5a2b",
    "Strategic developments": "#2f6db5"
  };
  var OTHER_COLOR = "#7f8c8d";
  var DAY_MS = 86400000;

  var state = { filters: {}, events: [], clusters: [], days: [], selected: null, markers: {}, brush: null,
                claimKind: "all" };  // claims shown in the detail: all, speech (said or thought), act
  var CLAIM_KINDS = [["all", "All claims"], ["speech", "Said or thought"], ["act", "Acts and intentions"]];
  var map, markerLayer, legendControl;

  // -- small DOM helpers (textContent only) ---------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "class") node.className = attrs[k];
        else if (k === "text") node.textContent = attrs[k];
        else if (k === "title") node.title = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function colorOf(type) { return TYPE_COLORS[type] || OTHER_COLOR; }

  function api(path, params) {
    var qs = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) {
      if (params[k] !== undefined && params[k] !== null && params[k] !== "") qs.set(k, params[k]);
    });
    var url = path + (qs.toString() ? "?" + qs.toString() : "");
    return fetch(url, { headers: { "Accept": "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok || body.ok === false) throw new Error(body.error || ("HTTP " + r.status));
        return body;
      });
    });
  }

  // -- map ------------------------------------------------------------------------------------------------
  function initMap() {
    map = L.map("map", { zoomControl: true, attributionControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 12 })
      .setView([48.6, 33.5], 6);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Leaflet · borders: Natural Earth · admin areas: GeoNames");
    markerLayer = L.layerGroup().addTo(map);
    fetch("/static/vendor/world-atlas/countries-50m.json").then(function (r) { return r.json(); }).then(function (topo) {
      var countries = topojson.feature(topo, topo.objects.countries);
      countries.features.forEach(unwrap);
      L.geoJSON(countries, {
        interactive: false,
        style: { color: "#8c96a6", weight: 0.8, fillColor: "#eceae4", fillOpacity: 1 }
      }).addTo(map).bringToBack();
    }).catch(function (err) { showError("country borders could not be loaded: " + err.message); });
    var adminLayer = L.layerGroup();
    fetch("/static/data/admin1.json").then(function (r) { return r.json(); }).then(function (data) {
      data.areas.forEach(function (a) {
        var label = el("span", { text: a.name.replace(/ Oblast$/, "") });
        L.marker([a.lat, a.lon], { interactive: false, keyboard: false,
          icon: L.divIcon({ className: "admin-label", html: label, iconSize: null }) }).addTo(adminLayer);
      });
      function toggle() { if (map.getZoom() >= 5) adminLayer.addTo(map); else adminLayer.remove(); }
      map.on("zoomend", toggle); toggle();
    }).catch(function () { /* labels are decoration: the map works without them */ });
    legendControl = L.control({ position: "bottomleft" });
    legendControl.onAdd = function () {
      var box = el("div", { class: "legend", id: "legend" }, [el("div", { class: "title", text: "Event type (ACLED)" })]);
      Object.keys(TYPE_COLORS).forEach(function (t) {
        var sw = el("span", { class: "sw" }); sw.style.background = TYPE_COLORS[t];
        box.appendChild(el("div", null, [sw, t]));
      });
      box.appendChild(el("div", { class: "muted", text: "circle size: reports in the cluster" }));
      return box;
    };
    legendControl.addTo(map);
  }

  function drawMarkers() {
    markerLayer.clearLayers();
    state.markers = {};
    state.clusterOf = {};
    var bounds = [];
    state.clusters.forEach(function (c) {
      if (c.lat === null || c.lon === null || c.lat === undefined) return;
      var n = c.events || 1;
      var m = L.circleMarker([c.lat, c.lon], {
        radius: Math.min(22, 5 + 3 * Math.sqrt(n)), color: "#1d2433", weight: 1, opacity: 0.9,
        fillColor: colorOf(c.event_type), fillOpacity: 0.78, className: "event-marker"
      });
      var tip = el("div", null, [el("b", { text: c.event_type }), el("br"),
        (c.place || "unnamed place") + " · " + (c.date || "undated") + " · " + n + (n === 1 ? " report" : " reports")]);
      m.bindTooltip(tip, { direction: "top", offset: [0, -4] });
      m.on("click", function () { if (c.first_event) selectEvent(c.first_event, c); });
      m.addTo(markerLayer);
      (c.members || [c.first_event]).forEach(function (k) { if (k) { state.markers[k] = m; state.clusterOf[k] = c; } });
      bounds.push([c.lat, c.lon]);
    });
    if (bounds.length && !state.fitted) {
      map.invalidateSize();
      map.fitBounds(coreBounds(bounds), { padding: [30, 30], maxZoom: 7 });
      state.fitted = true;
    }
  }

  // Where most markers are: those within 12 degrees of the median point (a few far-away country-level or
  // foreign events should not zoom the whole map out to the world).
  function coreBounds(points) {
    function median(values) { var v = values.slice().sort(function (a, b) { return a - b; }); return v[Math.floor((v.length - 1) / 2)]; }
    var mlat = median(points.map(function (p) { return p[0]; })), mlon = median(points.map(function (p) { return p[1]; }));
    var near = points.filter(function (p) { return Math.abs(p[0] - mlat) < 12 && Math.abs(p[1] - mlon) < 12; });
    return near.length ? near : points;
  }

  // Polygons crossing the antimeridian (Chukotka, the Aleutians, Fiji) would draw bands across the map:
  // move their far-side rings next to the rest of the country.
  function unwrap(feature) {
    var g = feature.geometry;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) return feature;
    var polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates, pos = 0, neg = 0, minLat = 90;
    polys.forEach(function (poly) { poly[0].forEach(function (pt) { if (pt[0] >= 0) pos++; else neg++; minLat = Math.min(minLat, pt[1]); }); });
    if (minLat < -60) return feature;  // Antarctica spans every longitude on purpose
    var east = pos >= neg;
    polys.forEach(function (poly) {
      var lons = poly[0].map(function (pt) { return pt[0]; });
      var far = east ? Math.max.apply(null, lons) < -100 : Math.min.apply(null, lons) > 100;
      if (far) poly.forEach(function (ring) { ring.forEach(function (pt) { pt[0] += east ? 360 : -360; }); });
    });
    return feature;
  }

  // -- timeline -------------------------------------------------------------------------------------------
  function dayIndex(iso, first) { return Math.round((Date.parse(iso.slice(0, 10)) - first) / DAY_MS); }
  function isoOf(ms) { return new Date(ms).toISOString().slice(0, 10); }

  // The days holding the middle 98% of events: a few events dated decades away (history in an article)
  // would otherwise squeeze every bar into one pixel.
  function coreDays(days) {
    var total = days.reduce(function (n, d) { return n + d.count; }, 0), seen = 0, lo = 0, hi = days.length - 1;
    if (total < 50) return days;
    for (var i = 0; i < days.length; i++) { seen += days[i].count; if (seen <= total * 0.01) lo = i + 1; if (seen < total * 0.99) hi = i + 1; }
    return days.slice(Math.min(lo, days.length - 1), Math.min(hi, days.length - 1) + 1);
  }

  function drawTimeline() {
    var box = document.getElementById("timeline");
    clear(box);
    var days = coreDays(state.days.filter(function (d) { return /^\d{4}-\d{2}-\d{2}$/.test(d.date); }));
    var width = box.clientWidth || 600, height = box.clientHeight || 86, pad = 16;
    box.setAttribute("viewBox", "0 0 " + width + " " + height);
    if (!days.length) {
      var t = svg("text", { x: 8, y: 40, class: "axis" }); t.textContent = "no dated events"; box.appendChild(t);
      state.scale = null; return;
    }
    var first = Date.parse(days[0].date), last = Date.parse(days[days.length - 1].date);
    var span = Math.max(1, Math.round((last - first) / DAY_MS) + 1);
    var max = Math.max.apply(null, days.map(function (d) { return d.count; }));
    var bw = (width - 2 * pad) / span;
    state.scale = { first: first, span: span, bw: bw, pad: pad, width: width };
    var f = state.filters;
    days.forEach(function (d) {
      // Square-root heights: one day with hundreds of events must not flatten every other day.
      var i = dayIndex(d.date, first), h = Math.max(2, (height - 24) * Math.sqrt(d.count / max));
      var inRange = (!f.date_from || d.date >= f.date_from) && (!f.date_to || d.date <= f.date_to);
      var r = svg("rect", { x: pad + i * bw, y: height - 16 - h, width: Math.max(1, bw - 1), height: h,
        class: "bar" + (inRange && (f.date_from || f.date_to) ? " in" : ""), "data-date": d.date });
      var title = svg("title"); title.textContent = d.date + ": " + d.count + " events"; r.appendChild(title);
      box.appendChild(r);
    });
    [0, Math.floor(span / 2), span - 1].forEach(function (i, k) {
      var t = svg("text", { x: pad + i * bw + (k === 2 ? bw : 0), y: height - 3, class: "axis",
        "text-anchor": k === 0 ? "start" : (k === 1 ? "middle" : "end") });
      t.textContent = isoOf(first + i * DAY_MS); box.appendChild(t);
    });
    if (f.date_from || f.date_to) {
      var a = f.date_from ? Math.max(0, dayIndex(f.date_from, first)) : 0;
      var b = f.date_to ? Math.min(span - 1, dayIndex(f.date_to, first)) : span - 1;
      if (b >= a) box.appendChild(svg("rect", { x: pad + a * bw, y: 2, width: (b - a + 1) * bw, height: height - 18, class: "brush" }));
    }
  }

  function timelineDateAt(clientX) {
    var box = document.getElementById("timeline"), s = state.scale;
    if (!s) return null;
    var rect = box.getBoundingClientRect();
    var x = (clientX - rect.left) * (s.width / rect.width);
    var i = Math.min(s.span - 1, Math.max(0, Math.floor((x - s.pad) / s.bw)));
    return isoOf(s.first + i * DAY_MS);
  }

  function initBrush() {
    var box = document.getElementById("timeline"), start = null;
    box.addEventListener("pointerdown", function (e) { start = timelineDateAt(e.clientX); box.setPointerCapture(e.pointerId); });
    box.addEventListener("pointermove", function (e) {
      if (start === null) return;
      var here = timelineDateAt(e.clientX);
      state.filters.date_from = start < here ? start : here;
      state.filters.date_to = start < here ? here : start;
      drawTimeline();
    });
    box.addEventListener("pointerup", function (e) {
      if (start === null) return;
      var here = timelineDateAt(e.clientX);
      setDates(start < here ? start : here, start < here ? here : start);
      start = null;
    });
    box.addEventListener("dblclick", function () { setDates("", ""); });
  }

  function setDates(from, to) {
    state.filters.date_from = from || undefined;
    state.filters.date_to = to || undefined;
    document.getElementById("f-from").value = from || "";
    document.getElementById("f-to").value = to || "";
    document.getElementById("range-label").textContent = (from || to)
      ? "selected " + (from || "…") + " – " + (to || "…") + " · double-click to clear"
      : "drag across the bars to select dates · double-click to clear";
    refresh(false);
  }

  // -- list -----------------------------------------------------------------------------------------------
  function drawList(total) {
    var list = document.getElementById("event-list");
    clear(list);
    document.getElementById("list-count").textContent = state.events.length < total
      ? "(" + state.events.length + " of " + total + ")" : "(" + total + ")";
    if (!state.events.length) { list.appendChild(el("li", { class: "empty", text: "No events match these filters." })); return; }
    state.events.forEach(function (ev) {
      var dot = el("span", { class: "dot" }); dot.style.background = colorOf(ev.event_type);
      var item = el("li", { class: "event-item", "data-key": ev.key, tabindex: "0" }, [
        dot, el("span", { class: "title", text: ev.sub_event_type || ev.event_type }),
        el("span", { class: "meta", text: [ev.date || "undated", ev.place || "no place", ev.actor1].filter(Boolean).join(" · ") }),
        el("span", { class: "snippet", text: ev.evidence ? ev.evidence.text : "" })
      ]);
      item.addEventListener("click", function () { selectEvent(ev.key, null); });
      item.addEventListener("keydown", function (e) { if (e.key === "Enter") selectEvent(ev.key, null); });
      if (state.selected === ev.key) item.classList.add("selected");
      list.appendChild(item);
    });
  }

  // -- detail ---------------------------------------------------------------------------------------------
  function selectEvent(key, cluster) {
    state.selected = key;
    cluster = cluster || (state.clusterOf || {})[key] || null;
    Array.prototype.forEach.call(document.querySelectorAll(".event-item"), function (n) {
      n.classList.toggle("selected", n.getAttribute("data-key") === key);
      if (n.getAttribute("data-key") === key) n.scrollIntoView({ block: "nearest" });
    });
    var cut = key.indexOf(":");
    var want = [api("/api/events/" + encodeURIComponent(key.slice(0, cut)) + "/" + encodeURIComponent(key.slice(cut + 1)))];
    // The map's clusters are compact: fetch sources and conflicts of a stored cluster when it is opened.
    if (cluster && cluster.id && !cluster.provisional && cluster.events > 1) want.push(api("/api/clusters/" + encodeURIComponent(cluster.id)));
    Promise.all(want)
      .then(function (res) { if (state.selected === key) drawDetail(res[0], res[1] || cluster); })
      .catch(function (err) { showError(err.message); });
    var m = state.markers[key];
    if (m) m.openTooltip();
  }

  function clusterBox(c) {
    var n = c.independent_sources || c.articles;
    var box = el("div", { class: "cluster-box", id: "cluster-box" }, [
      el("b", { text: (c.provisional ? "Same type, place and day: " : "Cluster: ") + c.events + " reports from " +
        n + " independent source" + (n === 1 ? "" : "s") }),
      el("span", { class: "muted", text: c.first_reported ? " · first reported " + c.first_reported : "" })]);
    var names = (c.sources || []).map(function (g) { return (g.names || []).join(" / ") || (g.outlets || []).join(", "); });
    var shown = names.slice(0, 6).join("; ") + (names.length > 6 ? "; and " + (names.length - 6) + " more" : "");
    if (names.length) box.appendChild(el("div", { class: "sources", text: "Sources: " + shown }));
    (c.conflicts || []).slice(0, 4).forEach(function (k) {
      var who = (k.claims || []).map(function (x) { return (x.source || "?") + ": " + (x.value !== undefined ? x.value : (x.sub_event_type || "")); });
      box.appendChild(el("div", { class: "conflict", text: "Conflict (" + (k.kind || k.field || "figures") + "): " +
        (who.length ? who.join(" vs ") : JSON.stringify(k.values || "")) }));
    });
    return box;
  }

  function fact(dl, label, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", { text: label })); dl.appendChild(el("dd", { text: String(value) }));
  }

  function drawDetail(body, cluster) {
    var ev = body.event, art = body.article, box = document.getElementById("detail");
    clear(box);
    box.appendChild(el("h2", { text: ev.sub_event_type || ev.event_type }));
    box.appendChild(el("div", { class: "muted", text: ev.event_type + (ev.plover ? " · PLOVER " + ev.plover : "") }));
    var dl = el("dl", { class: "facts" });
    var loc = ev.location;
    fact(dl, "Date", ev.date ? ev.date + (ev.date_precision ? " (" + ev.date_precision + ")" : "") : "undated");
    var admin1 = loc && loc.admin1 && /[A-Za-z]{3}/.test(loc.admin1) ? loc.admin1 : null;  // a name, not a code
    fact(dl, "Place", loc ? [loc.name || loc.evidence.text, admin1, loc.country_code].filter(Boolean).join(", ") : "unresolved");
    fact(dl, "Actor 1", ev.actor1 && ev.actor1.name);
    fact(dl, "Actor 2", ev.actor2 && ev.actor2.name);
    fact(dl, "Fatalities", ev.fatalities);
    var cert = el("dd", null, [el("span", { class: "badge " + ev.certainty, text: ev.certainty })]);
    dl.appendChild(el("dt", { text: "Certainty" })); dl.appendChild(cert);
    box.appendChild(dl);
    if (cluster && cluster.events > 1) box.appendChild(clusterBox(cluster));
    var nActs = body.claims.filter(function (c) { return c.speech === false; }).length;
    box.appendChild(el("h3", { text: "Claims (" + body.claims.length + (nActs ? ", " + nActs + " act" +
      (nActs === 1 ? "" : "s") : "") + ")" }));
    if (!body.claims.length) box.appendChild(el("p", { class: "muted", text: "No claim is attached to this event." }));
    else box.appendChild(claimKindSelect());
    body.claims.forEach(function (c) {
      var markers = [];
      if (c.cue) markers.push("cue “" + c.cue.text + "”");
      if (c.hedges.length) markers.push("hedges: " + c.hedges.join(", "));
      if (c.reporting.length) markers.push("reporting: " + c.reporting.join(", "));
      if (c.channel) markers.push("channel: " + c.channel);
      markers.push(c.direct ? "direct quote" : "indirect");
      var act = c.speech === false;
      box.appendChild(el("div", { class: "claim" + (act ? " act" : ""), "data-speech": act ? "false" : "true" }, [
        el("div", null, [el("span", { class: "badge " + c.certainty, text: c.certainty }),
          act ? el("span", { class: "badge act", text: "act", title: "an act or intention (supports, refused, " +
            "plans to), not something the source says or thinks" }) : null,
          el("span", { class: "who", text: c.source.name }),
          el("span", { class: "muted", text: " · " + c.source.kind + (c.source.side ? " · " + c.source.side : "") })]),
        el("div", { class: "content", text: "“" + c.evidence.text + "”" }),
        el("div", { class: "markers", text: markers.join(" · ") }),
        c.primary && c.primary.evidence ? el("div", { class: "primary", text: "Primary source (article " +
          c.primary.article_id.slice(0, 10) + "): “" + c.primary.evidence.text + "”" }) : null
      ]));
    });
    box.appendChild(el("h3", { text: "Article" }));
    box.appendChild(el("div", { class: "article-head" }, [el("b", { text: art.title || "(untitled)" }),
      " · " + [art.outlet, art.published].filter(Boolean).join(" · ")]));
    box.appendChild(el("div", { class: "key" }, [el("span", { class: "k-ev", text: "event evidence" }),
      el("span", { class: "k-claim", text: "claim content" }), el("span", { class: "k-src", text: "source" }),
      el("span", { class: "k-cue", text: "cue" })]));
    var marks = [{ s: ev.evidence, cls: "hl-ev" }];
    body.claims.forEach(function (c) {
      marks.push({ s: c.evidence, cls: "hl-claim" });
      if (c.source.evidence) marks.push({ s: c.source.evidence, cls: "hl-src" });
      if (c.cue) marks.push({ s: c.cue.evidence, cls: "hl-cue" });
    });
    applyClaimKind();
    var textBox = el("div", { class: "article-text", id: "article-text" });
    highlight(textBox, art.text, marks);
    box.appendChild(textBox);
    box.parentNode.scrollTop = 0;
    var first = textBox.querySelector("mark.hl-ev") || textBox.querySelector("mark");
    if (first) textBox.scrollTop = Math.max(0, first.offsetTop - 24);  // offsetParent is textBox (position: relative)
  }

  // The detail's claim filter: a select whose choice is kept while the reader moves between events.
  function claimKindSelect() {
    var select = el("select", { id: "claim-kind", "aria-label": "Which claims to show" });
    CLAIM_KINDS.forEach(function (k) {
      var opt = el("option", { value: k[0], text: k[1] });
      if (k[0] === state.claimKind) opt.selected = true;
      select.appendChild(opt);
    });
    select.addEventListener("change", function () { state.claimKind = select.value; applyClaimKind(); });
    return el("label", { class: "claim-kind" }, ["Show ", select]);
  }
  function applyClaimKind() {
    var nodes = document.querySelectorAll("#detail .claim");
    for (var i = 0; i < nodes.length; i++) {
      var speech = nodes[i].getAttribute("data-speech") !== "false";
      var shown = state.claimKind === "all" || (state.claimKind === "speech") === speech;
      nodes[i].classList.toggle("hidden", !shown);
    }
  }

  // Split the text at every span boundary; each piece carries the classes of the spans covering it.
  function highlight(container, text, marks) {
    var cuts = [0, text.length];
    marks.forEach(function (m) { if (m.s) { cuts.push(m.s.start, m.s.end); } });
    cuts = cuts.filter(function (v, i, a) { return v >= 0 && v <= text.length && a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    for (var i = 0; i < cuts.length - 1; i++) {
      var a = cuts[i], b = cuts[i + 1], piece = text.slice(a, b);
      var classes = marks.filter(function (m) { return m.s && m.s.start <= a && b <= m.s.end && m.s.start < m.s.end; })
        .map(function (m) { return m.cls; });
      if (classes.length) {
        var mk = el("mark", { class: classes.filter(function (c, j, arr) { return arr.indexOf(c) === j; }).join(" ") });
        mk.textContent = piece;
        container.appendChild(mk);
      } else {
        container.appendChild(document.createTextNode(piece));
      }
    }
  }

  function showError(message) {
    var box = document.getElementById("stats");
    clear(box);
    box.appendChild(el("span", { class: "error", text: "Error: " + message }));
  }

  // -- data flow ------------------------------------------------------------------------------------------
  var requestSeq = 0;
  function refresh(withTimeline) {
    var f = state.filters, seq = ++requestSeq;
    var p = [api("/api/events", Object.assign({ limit: 500 }, f)), api("/api/clusters", Object.assign({ limit: 1000, compact: "true" }, f))];
    if (withTimeline) p.push(api("/api/timeline", f));
    return Promise.all(p).then(function (res) {
      if (seq !== requestSeq) return;  // a newer request is on its way: drop this stale answer
      state.events = res[0].items; state.clusters = res[1].items;
      if (withTimeline) state.days = res[2].days;
      drawMarkers(); drawList(res[0].total); drawTimeline();
      var stats = document.getElementById("stats"); clear(stats);
      stats.appendChild(el("span", null, [el("b", { text: String(res[0].total) }), " events · ",
        el("b", { text: String(res[1].total) }), res[1].items.length && res[1].items[0].provisional ? " places/days" : " clusters"]));
      document.body.setAttribute("data-ready", "1");
    }).catch(function (err) { showError(err.message); });
  }

  function initFilters() {
    api("/api/event-types").then(function (body) {
      var sel = document.getElementById("f-type"), seen = {};
      body.items.forEach(function (t) {
        if (seen[t.event_type]) return; seen[t.event_type] = 1;
        sel.appendChild(el("option", { value: t.event_type, text: t.event_type }));
      });
    }).catch(function () {});
    var timer = null;
    function onChange() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var f = state.filters;
        f.event_type = document.getElementById("f-type").value || undefined;
        f.actor = document.getElementById("f-actor").value.trim() || undefined;
        f.source = document.getElementById("f-source").value.trim() || undefined;
        f.q = document.getElementById("f-q").value.trim() || undefined;
        f.date_from = document.getElementById("f-from").value || undefined;
        f.date_to = document.getElementById("f-to").value || undefined;
        refresh(true);
      }, 250);
    }
    ["f-type", "f-actor", "f-source", "f-q", "f-from", "f-to"].forEach(function (id) {
      document.getElementById(id).addEventListener("input", onChange);
    });
    document.getElementById("filters").addEventListener("submit", function (e) { e.preventDefault(); onChange(); });
    document.getElementById("f-reset").addEventListener("click", function () {
      document.getElementById("filters").reset(); state.filters = {}; setDates("", "");
      refresh(true);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initMap(); initBrush(); initFilters(); refresh(true);
    window.addEventListener("resize", drawTimeline);
  });
})();
