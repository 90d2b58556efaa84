// Client-side search over search-index.json: no framework, no network beyond the index.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var root = form.getAttribute("data-root") || "";
  var entries = null;

  // Lower case without diacritics, so "zelenskiy" finds "Zelenskiy" and "Zelénskiy".
  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function prepare(data) {
    return data.map(function (e) {
      return {
        e: e,
        title: fold(e.title),
        names: fold((e.names || []).join(" | ")),
        tags: fold((e.tags || []).join(" | ")),
        text: fold((e.summary || "") + " " + (e.excerpt || ""))
      };
    });
  }

  function score(x, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i], s = 0;
      if (x.title.indexOf(w) >= 0) s += 10;
      if (x.names.indexOf(w) >= 0) s += 8;
      if (x.tags.indexOf(w) >= 0) s += 4;
      if (x.text.indexOf(w) >= 0) s += 1;
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }

  function show(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = entries
      .map(function (x) { return { x: x, s: score(x, words) }; })
      .filter(function (h) { return h.s > 0; })
      .sort(function (a, b) { return b.s - a.s || (a.x.e.date < b.x.e.date ? 1 : a.x.e.date > b.x.e.date ? -1 : 0); });
    status.textContent = hits.length === 1 ? "1 briefing found" : hits.length + " briefings found";
    hits.slice(0, 50).forEach(function (h) {
      var li = document.createElement("li");
      var time = document.createElement("time");
      time.dateTime = h.x.e.date;
      time.textContent = h.x.e.date;
      var div = document.createElement("div");
      var a = document.createElement("a");
      a.className = "title";
      a.href = root + h.x.e.url;
      a.textContent = h.x.e.title;
      div.appendChild(a);
      if (h.x.e.summary) {
        var p = document.createElement("p");
        p.textContent = h.x.e.summary;
        div.appendChild(p);
      }
      li.appendChild(time);
      li.appendChild(div);
      list.appendChild(li);
    });
  }

  function run() {
    var q = input.value;
    if (entries) { show(q); return; }
    status.textContent = "Loading the index…";
    fetch(form.getAttribute("data-index"))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) { entries = prepare(data); show(input.value); })
      .catch(function () { status.textContent = "The search index could not be loaded."; });
  }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  input.addEventListener("input", run);
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(); }
})();
