// Search over the split index in search/ (see src/render/search.rs): meta.json first, then
// only the word and briefing files a query needs. Plain JavaScript, no network beyond them.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var root = form.getAttribute("data-root") || "";
  var base = form.getAttribute("data-index") || root + "search/";
  var $ = function (id) { return document.getElementById(id); };
  var q = $("q"), status = $("search-status"), list = $("search-results"), more = $("search-more");
  var filters = { actor: $("f-actor"), place: $("f-place"), topic: $("f-topic"), tag: $("f-tag") };
  var from = $("f-from"), to = $("f-to");
  var meta = null, cache = {}, hits = [], shown = 0, runId = 0;
  var PAGE = 20;

  // As src/render/search.rs folds: NFD, marks removed, lower case.
  function fold(s) { return (s || "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); }
  function words(s) { return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  function key(w) {
    return Array.from(w).slice(0, 2).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }
  function undelta(a) { var s = 0; return a.map(function (d) { return (s += d); }); }
  function get(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (r.status === 404) return null;
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    return cache[path];
  }

  function prepare(m) {
    var days = [], d = 0;
    m.days.forEach(function (x) { d += x; days.push(d); });
    m.dayOf = days;
    m.ent = m.ent.map(undelta);
    m.tag = m.tag.map(undelta);
    m.keys = m.entities.map(function (e) { return words([e[1]].concat(e[3]).join(" ")); });
    m.tagKeys = m.tags.map(function (t) { return words(t[0]); });
    Object.keys(filters).forEach(function (kind) {
      var sel = filters[kind], opts = [];
      if (kind === "tag") m.tags.forEach(function (t, i) { opts.push([t[0], i]); });
      else m.entities.forEach(function (e, i) { if (e[0] === kind) opts.push([e[1], i]); });
      opts.sort(function (a, b) { return a[0].localeCompare(b[0]); });
      opts.forEach(function (o) { sel.add(new Option(o[0], o[1])); });
    });
    return m;
  }

  function anyPrefix(tokens, w) {
    for (var i = 0; i < tokens.length; i++) if (tokens[i].indexOf(w) === 0) return true;
    return false;
  }

  // Scores of the briefings matching one word: title 10, names and aliases 8, tags 4, text 1.
  function scoreWord(w) {
    var score = new Map();
    function add(ids, s) { ids.forEach(function (id) { if ((score.get(id) || 0) < s) score.set(id, s); }); }
    meta.keys.forEach(function (k, i) { if (anyPrefix(k, w)) add(meta.ent[i], 8); });
    meta.tagKeys.forEach(function (k, i) { if (anyPrefix(k, w)) add(meta.tag[i], 4); });
    if (Array.from(w).length < 2) return Promise.resolve(score);
    return get("w/" + key(w) + ".json").then(function (shard) {
      if (shard) Object.keys(shard).forEach(function (t) {
        if (t.indexOf(w) !== 0) return;
        add(undelta(shard[t][0]), 10);
        add(undelta(shard[t][1]), 1);
      });
      return score;
    });
  }

  function allowed(id, sets) {
    for (var i = 0; i < sets.length; i++) if (!sets[i].has(id)) return false;
    var day = meta.dayOf[id];
    if (from.value && day < Date.parse(from.value) / 864e5) return false;
    if (to.value && day > Date.parse(to.value) / 864e5) return false;
    return true;
  }

  function filterSets() {
    return Object.keys(filters).filter(function (k) { return filters[k].value !== ""; }).map(function (k) {
      var v = +filters[k].value;
      return new Set(k === "tag" ? meta.tag[v] : meta.ent[v]);
    });
  }

  function filtering() {
    return from.value || to.value || Object.keys(filters).some(function (k) { return filters[k].value !== ""; });
  }

  function search() {
    var mine = ++runId, ws = words(q.value);
    syncUrl();
    if (!ws.length && !filtering()) {
      hits = []; status.textContent = ""; list.textContent = ""; more.hidden = true;
      list.setAttribute("data-run", mine);
      return;
    }
    Promise.all(ws.map(scoreWord)).then(function (scores) {
      if (mine !== runId) return;
      var found = [], sets = filterSets();
      for (var id = 0; id < meta.count; id++) {
        var total = 0, ok = true;
        for (var i = 0; i < scores.length && ok; i++) {
          var s = scores[i].get(id);
          if (s) total += s; else ok = false;
        }
        if (ok && allowed(id, sets)) found.push([id, total]);
      }
      // Best score first; among equals the newest (the lowest number).
      found.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      hits = found;
      shown = 0;
      list.textContent = "";
      status.textContent = found.length === 1 ? "1 briefing found" : found.length + " briefings found";
      show();
    });
  }

  function show() {
    var mine = runId, page = hits.slice(shown, shown + PAGE);
    shown += page.length;
    more.hidden = shown >= hits.length;
    var shards = {};
    page.forEach(function (h) { shards[Math.floor(h[0] / meta.shard)] = 1; });
    Promise.all(Object.keys(shards).map(function (n) { return get("d/" + n + ".json").then(function (d) { shards[n] = d; }); }))
      .then(function () {
        if (mine !== runId) return;
        page.forEach(function (h) {
          var d = shards[Math.floor(h[0] / meta.shard)][h[0] % meta.shard];
          var li = document.createElement("li");
          var time = document.createElement("time");
          time.dateTime = d[2];
          time.textContent = d[4] || d[2];
          var div = document.createElement("div");
          var a = document.createElement("a");
          a.className = "title";
          a.href = root + d[1];
          a.textContent = d[0];
          div.appendChild(a);
          if (d[3]) { var p = document.createElement("p"); p.textContent = d[3]; div.appendChild(p); }
          li.appendChild(time);
          li.appendChild(div);
          list.appendChild(li);
        });
        // For tests and other scripts: which run the list now shows.
        list.setAttribute("data-run", mine);
      }, fail);
  }

  function syncUrl() {
    var params = new URLSearchParams();
    if (q.value) params.set("q", q.value);
    Object.keys(filters).forEach(function (k) {
      var v = filters[k].value;
      if (v !== "") params.set(k, filters[k].options[filters[k].selectedIndex].text);
    });
    if (from.value) params.set("from", from.value);
    if (to.value) params.set("to", to.value);
    var s = params.toString();
    history.replaceState(null, "", s ? "?" + s : location.pathname);
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    q.value = params.get("q") || "";
    Object.keys(filters).forEach(function (k) {
      var want = params.get(k);
      if (!want) return;
      Array.prototype.forEach.call(filters[k].options, function (o) { if (o.text === want) o.selected = true; });
    });
    from.value = params.get("from") || "";
    to.value = params.get("to") || "";
  }

  function fail() { status.textContent = "The search index could not be loaded."; }

  var timer = null;
  function later() { clearTimeout(timer); timer = setTimeout(search, 120); }
  form.addEventListener("submit", function (e) { e.preventDefault(); search(); });
  q.addEventListener("input", later);
  Object.keys(filters).forEach(function (k) { filters[k].addEventListener("change", search); });
  from.addEventListener("change", search);
  to.addEventListener("change", search);
  more.addEventListener("click", show);
  form.hidden = false;
  status.textContent = "Loading the index…";
  get("meta.json").then(function (m) {
    meta = prepare(m);
    status.textContent = "";
    restore();
    search();
  }, fail);
})();
