// Full-text search over the split index in search/ (its format: "The search index" in
// Dossier's docs on data). Every index file is a script calling dossierSearch(name, data),
// so the page works on any host and from a folder opened in the browser (file://), with no
// fetch. A query loads only the files it needs: meta.js and text.js, the word files of its
// words, and the text of the briefings it shows or checks. Plain JavaScript, no dependency.
(function () {
  "use strict";
  // ---- Words: as src/render/search/text.rs cuts them and fold.rs folds them. ----
  // A word is a run of letters, digits and marks (not U+02BC, an apostrophe to readers),
  // with an apostrophe inside where a Cyrillic letter stands on each side of it (м’ясо).
  var CYRILLIC = "[\\u0400-\\u0481\\u048A-\\u052F]";
  var LETTER = "(?:(?!\\u02BC)[\\p{Alphabetic}\\p{N}\\p{M}])";
  var WORD = new RegExp(LETTER + "+(?:(?<=" + CYRILLIC + ")['\\u2019\\u02BC](?=" + CYRILLIC + ")" + LETTER + "+)*", "gu");
  // Letters NFD leaves whole that readers type as others: fold.rs's FOLDS, and
  // Arabic-Indic digits (U+0660–0669, U+06F0–06F9) made ASCII.
  var FOLDS = {
    "\u00DF": "ss", "\u0153": "oe", "\u00E6": "ae", "\u00F8": "o", "\u0142": "l", "\u0111": "d",
    "\u03C2": "\u03C3", "\u0671": "\u0627", "\u0649": "\u064A", "\u0629": "\u0647", "\u0640": "", "\u02BC": "",
  };
  var FOLDED = /[\u00DF\u0153\u00E6\u00F8\u0142\u0111\u03C2\u0671\u0649\u0629\u0640\u02BC\u0660-\u0669\u06F0-\u06F9]/g;
  function folded(c) {
    var d = c.charCodeAt(0);
    if (d >= 0x6F0 && d <= 0x6F9) return String.fromCharCode(d - 0x6F0 + 48);
    if (d >= 0x660 && d <= 0x669) return String.fromCharCode(d - 0x660 + 48);
    return FOLDS[c];
  }
  // Lower case, NFD, и with a breve made й again, other marks removed, then FOLDS.
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/\u0438\u0306/g, "\u0439").replace(/\p{M}/gu, "").replace(FOLDED, folded);
  }
  function term(w) { return fold(w).replace(/[^\p{Alphabetic}\p{N}]/gu, ""); }
  function terms(s) {
    var out = [], m = (s || "").match(WORD) || [];
    for (var i = 0; i < m.length; i++) { var t = term(m[i]); if (t) out.push(t); }
    return out;
  }
  // The text of s cut into words (with their terms) and the gaps between them.
  function pieces(s) {
    var out = [], at = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(s))) {
      if (m.index > at) out.push({ text: s.slice(at, m.index) });
      out.push({ text: m[0], term: term(m[0]) });
      at = m.index + m[0].length;
    }
    if (at < s.length) out.push({ text: s.slice(at) });
    return out;
  }
  // For other scripts of a theme, and for tests/browser/folding.mjs.
  window.dossierSearchWords = { fold: fold, terms: terms, pieces: pieces };

  var form = document.querySelector(".search-form");
  if (!form) return;
  var root = form.getAttribute("data-root") || "";
  var base = form.getAttribute("data-index") || root + "search/";
  var $ = function (id) { return document.getElementById(id); };
  var q = $("q"), status = $("search-status"), list = $("search-results"), more = $("search-more");
  var entityList = $("search-entities");
  var filters = { actor: $("f-actor"), place: $("f-place"), topic: $("f-topic"), tag: $("f-tag") };
  var from = $("f-from"), to = $("f-to");

  var PAGE = 20;            // briefings shown at a time
  var MAX_WORDS = 12;       // words of a query searched; more are left out (and said so)
  var MAX_COMPLETIONS = 12; // words the last word may stand for as a prefix, most frequent first
  var MAX_ENTITIES = 5;     // entities offered above the briefings
  var CHECK_SHARDS = 48;    // text files loaded to check phrases before showing what is found
  // Weights of the fields a word is found in, best first: title, names, tags, summary, body.
  var WEIGHT = [16, 8, 4, 2, 1];

  var LIFTED = 64;          // phrase candidates ranked above the body before ranking turns rough
  var MAX_ALIASES = 8;      // other one-word names of an entity a query word also stands for

  // ---- What the page says: its strings come from the page (#search-strings), in its
  // language; counts pick their form with the language's plural rules. ----
  var strings = $("search-strings");
  var lang = document.documentElement.lang || "en", plural, number;
  try {
    plural = new Intl.PluralRules(lang);
    number = new Intl.NumberFormat(lang);
  } catch (e) {
    plural = new Intl.PluralRules("en");
    number = new Intl.NumberFormat("en");
  }
  function fill(text, args) {
    return text.replace(/\{(\w+)\}/g, function (whole, k) {
      if (!args || args[k] === undefined || args[k] === null) return whole;
      return typeof args[k] === "number" ? number.format(args[k]) : args[k];
    });
  }
  // The text `key` (data-KEY).
  function say(key) {
    return (strings && strings.getAttribute("data-" + key)) || "";
  }
  // The message `key` for count n (or n absent: its only form), its {placeholders} filled
  // from n and args. data-KEY holds its forms as JSON: per exact number ("0") or plural
  // category ("one", "few"…), and "*" the default, as Fluent picks them.
  function numbered(key, n, args) {
    var forms = {};
    try {
      forms = JSON.parse(say(key)) || {};
    } catch (e) {
      // A theme that wrote plain text: that text.
      forms = { "*": say(key) };
    }
    var form = forms["*"] || "";
    if (n !== null) {
      var exact = String(n), cat = plural.select(n);
      if (Object.prototype.hasOwnProperty.call(forms, exact)) form = forms[exact];
      else if (Object.prototype.hasOwnProperty.call(forms, cat)) form = forms[cat];
    }
    var all = { n: n };
    for (var k in args || {}) all[k] = args[k];
    return fill(form, all);
  }

  var meta = null, head = null, cache = {}, files = {}, waiting = {}, run = null, runId = 0;
  // The format of the index this script reads (meta.js's `v`, src/render/search/mod.rs).
  var FORMAT = 6;
  // Added to each file's address once meta.js was found in another format (a copy a cache
  // kept of the last build's index): the index is then loaded again past the cache.
  var fresh = "";

  // ---- Loading: each file is a script that hands its data to dossierSearch. ----
  window.dossierSearch = function (name, data) {
    var done = waiting[name];
    if (done) { delete waiting[name]; files[name] = data; done(data); }
  };
  function get(name) {
    if (!cache[name]) {
      cache[name] = new Promise(function (ok) {
        var s = document.createElement("script");
        waiting[name] = ok;
        // A missing file (a word no briefing has) is null, not an error. Only this load's
        // wait is ended: the file may be asked for again (past the cache) before it ends.
        var gone = function () { s.remove(); if (waiting[name] === ok) { delete waiting[name]; ok(null); } };
        s.onload = gone;
        s.onerror = gone;
        s.src = base + name + ".js" + fresh;
        document.head.appendChild(s);
      });
    }
    return cache[name];
  }

  function key(w) {
    return Array.from(w).slice(0, 2).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }

  // ---- Decoding the lists and token streams (src/render/search/codes.rs). ----
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var VAL = new Int8Array(128);
  for (var a = 0; a < 64; a++) VAL[ALPHABET.charCodeAt(a)] = a;
  // Calls f(n) for every briefing number of a list: varint gaps, or "." and a bitmap.
  function eachNumber(s, f) {
    if (!s) return;
    var k, v;
    if (s.charCodeAt(0) === 46) {
      for (k = 1; k < s.length; k++) {
        v = VAL[s.charCodeAt(k)];
        if (v) for (var j = 0; j < 6; j++) if (v & (1 << j)) f((k - 1) * 6 + j);
      }
      return;
    }
    var next = 0;
    v = 0;
    for (k = 0; k < s.length; k++) {
      var d = VAL[s.charCodeAt(k)];
      v = v * 32 + (d & 31);
      if (!(d & 32)) { next += v; f(next); next++; v = 0; }
    }
  }
  // The n token ids of a briefing's text: varints, as lists are written but not as gaps.
  function tokens(text, n) {
    var out = new Int32Array(n), t = 0, v = 0;
    for (var k = 0; k < text.length && t < n; k++) {
      var d = VAL[text.charCodeAt(k)];
      v = v * 32 + (d & 31);
      if (!(d & 32)) { out[t++] = v; v = 0; }
    }
    return out;
  }

  // ---- The query: words, "quoted phrases", and the last word as a prefix while typing. ----
  function parse(text) {
    var parts = text.replace(/[“”„‟″«»]/g, '"').split('"'), units = [], count = 0, cut = false;
    parts.forEach(function (part, i) {
      var ws = terms(part);
      if (count + ws.length > MAX_WORDS) { ws = ws.slice(0, MAX_WORDS - count); cut = true; }
      count += ws.length;
      if (!ws.length) return;
      if (i % 2 === 1 && ws.length > 1) units.push({ phrase: ws });
      else ws.forEach(function (w) { units.push({ word: w }); });
    });
    // The last word, still being typed, stands for every word it begins (two letters on).
    var last = units[units.length - 1];
    if (last && last.word && parts.length % 2 === 1 && /[\p{Alphabetic}\p{N}\p{M}]$/u.test(text) &&
        Array.from(last.word).length > 1 && !cut) {
      last.prefix = true;
    }
    return { units: units, cut: cut };
  }

  // The entry of word w in its word file, with its lists loaded: null when no briefing has it.
  function entry(w) {
    var k = key(w);
    if (head.keySet[k] === undefined) return Promise.resolve(null);
    return get("w/" + k).then(function (file) {
      var e = file && Object.prototype.hasOwnProperty.call(file, w) ? file[w] : null;
      return e && lists(w, e);
    });
  }
  function lists(w, e) {
    var got = typeof e[1] === "number" ? get("p/" + key(w) + "-" + e[1]) : Promise.resolve(e[1]);
    return got.then(function (l) { return l && { word: w, df: e[0], lists: l }; });
  }
  // The words of the word file of `prefix` that begin with it, most frequent first.
  function completions(prefix) {
    var k = key(prefix);
    if (head.keySet[k] === undefined) return Promise.resolve({ words: [], more: 0 });
    return get("w/" + k).then(function (file) {
      var all = Object.keys(file || {}).filter(function (t) { return t.indexOf(prefix) === 0; });
      all.sort(function (x, y) { return file[y][0] - file[x][0] || (x < y ? -1 : 1); });
      var picked = all.slice(0, MAX_COMPLETIONS);
      return Promise.all(picked.map(function (t) { return lists(t, file[t]); })).then(function (es) {
        return { words: es.filter(Boolean), more: all.length - picked.length };
      });
    });
  }
  // Per briefing, the weight of the best field the entries are in (0: in none).
  function weights(entries) {
    var out = new Uint8Array(meta.count);
    entries.forEach(function (e) {
      e.lists.forEach(function (l, f) {
        var wt = WEIGHT[f];
        eachNumber(l, function (n) { if (out[n] < wt) out[n] = wt; });
      });
    });
    return out;
  }

  function loadUnit(u) {
    if (u.phrase) {
      return Promise.all(u.phrase.map(entry)).then(function (es) {
        u.entries = es;
        var w = new Uint8Array(meta.count);
        if (es.every(Boolean)) {
          // A phrase is found at best in the worst field of its words: an upper bound,
          // checked against the text before a briefing is shown.
          var each = es.map(function (e) { return weights([e]); });
          for (var n = 0; n < meta.count; n++) {
            var m = 255;
            for (var i = 0; i < each.length; i++) if (each[i][n] < m) m = each[i][n];
            w[n] = m;
          }
        }
        u.weights = w;
      });
    }
    // A word that is the whole of an entity's name or alias also finds its other one-word
    // names and aliases, in any script: `київ` finds briefings that only say Kyiv.
    u.alts = meta.alts.get(u.word) || [];
    var others = Promise.all(u.alts.map(entry));
    if (u.prefix) {
      return Promise.all([completions(u.word), others]).then(function (got) {
        u.entries = got[0].words.concat(got[1].filter(Boolean));
        u.more = got[0].more;
        u.weights = weights(u.entries);
      });
    }
    return Promise.all([entry(u.word), others]).then(function (got) {
      u.entries = [got[0]].concat(got[1]).filter(Boolean);
      u.weights = weights(u.entries);
    });
  }

  // ---- Filters: entity and tag lists, and dates as a range of numbers. ----
  function filterSets() {
    return Promise.all(Object.keys(filters).filter(function (k) { return filters[k].value !== ""; }).map(function (k) {
      return get((k === "tag" ? "g/" : "e/" + k + "/") + filters[k].value).then(function (l) {
        var set = new Uint8Array(meta.count);
        eachNumber(l || "", function (n) { set[n] = 1; });
        return set;
      });
    }));
  }
  // Briefings lo..hi (numbers, newest first) dated within the From and To fields.
  function dateRange() {
    var lo = meta.count, hi = -1;
    var f = from.value ? Date.parse(from.value) / 864e5 : -Infinity;
    var t = to.value ? Date.parse(to.value) / 864e5 : Infinity;
    for (var r = 0; r < meta.runs.length; r++) {
      var run = meta.runs[r];
      if (run.day >= f && run.day <= t) {
        if (run.first < lo) lo = run.first;
        hi = run.first + run.count - 1;
      }
    }
    return [lo, hi];
  }
  function filtering() {
    return from.value || to.value || Object.keys(filters).some(function (k) { return filters[k].value !== ""; });
  }
  function dayOf(n) {
    for (var r = 0; r < meta.runs.length; r++) {
      var run = meta.runs[r];
      if (n < run.first + run.count) return run.day;
    }
    return 0;
  }

  // ---- Checking a briefing: where a phrase is, and how well it matches. ----
  function textOf(n) {
    return get("t/" + Math.floor(n / head.docs)).then(function (shard) { return docIn(shard, n); });
  }
  // Briefing n of its loaded text file, its tokens decoded: [docs, words, gaps], a token
  // id below the number of words being a word, a gap's counting on after them.
  function docIn(shard, n) {
    var d = shard && shard[0][n % head.docs];
    if (!d) return null;
    if (!d.ids) {
      d.ids = tokens(d[6], d[5]);
      d.shard = shard;
      if (!shard.terms) shard.terms = [];
    }
    return d;
  }
  function isGap(d, id) { return id >= d.shard[1].length; }
  function textOfId(d, id) {
    var words = d.shard[1];
    return (id < words.length ? words[id] : d.shard[2][id - words.length]) || "";
  }
  // The term of token id of d ("" for a gap), folded once per text file.
  function termOf(d, id) {
    var ts = d.shard.terms;
    if (ts[id] === undefined) ts[id] = isGap(d, id) ? "" : term(d.shard[1][id] || "");
    return ts[id];
  }
  function hasPhrase(ts, words) {
    for (var i = 0; i + words.length <= ts.length; i++) {
      var j = 0;
      while (j < words.length && ts[i + j] === words[j]) j++;
      if (j === words.length) return true;
    }
    return false;
  }
  // Positions (among all tokens) of each match of a phrase in a briefing's body.
  function bodyPhrase(d, u) {
    var words = u.entries.map(function (e) { return e && e.word; }), out = [], ids = d.ids;
    var at = [];
    for (var i = 0; i < ids.length; i++) {
      if (isGap(d, ids[i])) continue;
      at.push(i);
      var k = at.length - words.length;
      if (k < 0) continue;
      var ok = true;
      for (var j = 0; j < words.length && ok; j++) ok = termOf(d, ids[at[k + j]]) === words[j];
      if (ok) out.push(at[k]);
    }
    return out;
  }
  // The weight of the best field of briefing d that has phrase unit u (0: none).
  function phraseWeight(d, u) {
    var words = u.phrase;
    if (hasPhrase(terms(d[0]), words)) return WEIGHT[0];
    var named = d[3].some(function (key) {
      var en = meta.entityOf.get(key);
      return en && [en[1]].concat(en[3]).some(function (s) { return hasPhrase(terms(s), words); });
    });
    if (named) return WEIGHT[1];
    if (d[4].some(function (s) { var tg = meta.tagOf.get(s); return tg && hasPhrase(terms(tg[0]), words); })) return WEIGHT[2];
    if (hasPhrase(terms(d[2]), words)) return WEIGHT[3];
    return bodyPhrase(d, u).length ? WEIGHT[4] : 0;
  }

  // ---- A search run: rank, then check phrases in rank order a page at a time. ----
  function search() {
    if (!meta || !head) return; // the index is still loading; its arrival runs the search
    var mine = ++runId, parsed = parse(q.value);
    syncUrl();
    more.hidden = true;
    if (!parsed.units.length && !filtering()) {
      run = null;
      status.textContent = "";
      list.textContent = "";
      showEntities([]);
      list.setAttribute("data-run", mine);
      return;
    }
    var units = parsed.units;
    Promise.all([Promise.all(units.map(loadUnit)), filterSets()]).then(function (got) {
      if (mine !== runId) return;
      showEntities(units);
      var sets = got[1], range = dateRange(), count = meta.count;
      // Per briefing with every unit: its score, or for a phrase query an upper bound
      // (a phrase at best in the worst field of its words); `body` the same with each
      // phrase counted as found in the body only.
      var upper = new Uint16Array(count), body = new Uint16Array(count), lifted = 0;
      var phrases = units.some(function (u) { return u.phrase; });
      for (var n = range[0]; n <= range[1]; n++) {
        var total = 0, least = 0, ok = true;
        for (var i = 0; i < units.length && ok; i++) {
          var w = units[i].weights[n];
          if (w) { total += w; least += units[i].phrase ? 1 : w; } else ok = false;
        }
        for (var s = 0; s < sets.length && ok; s++) ok = sets[s][n] === 1;
        if (!ok) continue;
        upper[n] = total || 1;
        body[n] = least || 1;
        if (total > least) lifted++;
      }
      // When many briefings have a phrase's words together in a title or summary, checking
      // them all first would read most of the text files: those rank as if the phrase were
      // in the body, and the page says so.
      var rough = lifted > LIFTED;
      var order = ranked(rough ? body : upper, count, 256 * Math.max(units.length, 1) + 1);
      run = {
        id: mine, units: units, order: order, upper: rough ? body : upper, next: 0, found: [],
        checked: new Uint8Array(count), shown: 0, phrases: phrases, rough: rough, cut: parsed.cut,
        completions: units.some(function (u) { return u.more; }),
      };
      list.textContent = "";
      return page(run);
    }).then(null, fail);
  }

  // The briefings with a score, best first, the newest first among equals (a counting sort).
  function ranked(score, count, top) {
    var hist = new Uint32Array(top), n;
    for (n = 0; n < count; n++) hist[score[n]]++;
    var start = new Uint32Array(top), size = 0;
    for (var h = top - 1; h > 0; h--) { start[h] = size; size += hist[h]; }
    var order = new Int32Array(size);
    for (n = 0; n < count; n++) if (score[n]) order[start[score[n]]++] = n;
    return order;
  }

  // Shows the next page of run r, checking phrases first when the query has any.
  function page(r) {
    var ready = r.phrases ? check(r) : Promise.resolve();
    return ready.then(function () {
      if (r.id !== runId) return;
      var rows;
      if (r.phrases) {
        rows = settled(r).slice(r.shown, r.shown + PAGE);
      } else {
        rows = Array.prototype.slice.call(r.order, r.shown, r.shown + PAGE).map(function (n) { return [n, r.upper[n]]; });
      }
      r.shown += rows.length;
      return Promise.all(rows.map(function (x) { return textOf(x[0]); })).then(function (docs) {
        return Promise.all(docs.map(function (d) { return d ? excerptOf(d, r.units) : null; })).then(function (ex) {
          if (r.id !== runId) return;
          rows.forEach(function (x, i) { if (docs[i]) list.appendChild(item(x[0], docs[i], ex[i], r.units)); });
          report(r);
          // For tests and other scripts: which run the list now shows.
          list.setAttribute("data-run", r.id);
        });
      });
    });
  }
  // The checked briefings in their final order: the best score first, the newest first.
  function settled(r) {
    var sorted = r.found.slice().sort(function (x, y) { return y[1] - x[1] || x[0] - y[0]; });
    while (r.next < r.order.length && r.checked[r.order[r.next]]) r.next++;
    if (r.next >= r.order.length) return sorted;
    // An unchecked briefing may still score up to its upper bound.
    var bound = r.upper[r.order[r.next]], first = r.order[r.next];
    return sorted.filter(function (x) { return x[1] > bound || (x[1] === bound && x[0] < first); });
  }
  // Checks candidates in rank order until a page is settled or CHECK_SHARDS text files
  // were loaded for it; every candidate of a text file read is checked with it.
  function check(r) {
    var loaded = 0;
    function skip() { while (r.next < r.order.length && r.checked[r.order[r.next]]) r.next++; }
    function step() {
      if (r.id !== runId) return null;
      skip();
      if (r.next >= r.order.length || settled(r).length >= r.shown + PAGE || loaded >= CHECK_SHARDS) return null;
      // The text files of the next candidates, eight at a time.
      var shards = [];
      for (var k = r.next; k < r.order.length && shards.length < 8; k++) {
        var s = Math.floor(r.order[k] / head.docs);
        if (!r.checked[r.order[k]] && shards.indexOf(s) < 0) shards.push(s);
      }
      loaded += shards.length;
      return Promise.all(shards.map(function (s) { return get("t/" + s); })).then(function () {
        shards.forEach(function (s) {
          for (var n = s * head.docs; n < Math.min((s + 1) * head.docs, meta.count); n++) {
            if (r.upper[n] && !r.checked[n]) checkOne(r, n);
          }
        });
        return step();
      });
    }
    return Promise.resolve().then(step);
  }
  // Checks briefing n, whose text file is loaded, against every unit of run r.
  function checkOne(r, n) {
    r.checked[n] = 1;
    var d = docIn(files["t/" + Math.floor(n / head.docs)], n);
    if (!d) return;
    var total = 0;
    for (var k = 0; k < r.units.length; k++) {
      var u = r.units[k], w = u.phrase ? phraseWeight(d, u) : u.weights[n];
      if (!w) return;
      total += w;
    }
    r.found.push([n, r.rough ? r.upper[n] : total]);
  }

  function report(r) {
    var n, text;
    if (!r.phrases || r.next >= r.order.length) {
      n = r.phrases ? r.found.length : r.order.length;
      text = numbered("found", n);
      more.hidden = r.shown >= n;
      more.textContent = say("more");
    } else {
      n = settled(r).length;
      var checked = 0;
      for (var k = 0; k < r.order.length; k++) checked += r.checked[r.order[k]];
      text = numbered("phrase", null, { found: r.found.length, checked: checked, total: r.order.length });
      if (r.rough) text += " " + say("rough");
      more.hidden = false;
      more.textContent = r.shown < n ? say("more") : say("further");
    }
    if (r.completions) text += " " + say("completed");
    if (r.cut) text += " " + numbered("cut", MAX_WORDS);
    status.textContent = text;
  }

  // ---- Showing: entities first, then briefings with their matches marked. ----
  function showEntities(units) {
    if (!entityList) return;
    entityList.textContent = "";
    var found = [];
    if (units.length) {
      meta.entities.forEach(function (e, i) {
        var best = 0;
        meta.names[i].forEach(function (ts) {
          var m = nameMatch(ts, units);
          if (m > best) best = m;
        });
        if (best) found.push([i, best]);
      });
    }
    found.sort(function (x, y) { return y[1] - x[1] || meta.entities[y[0]][4] - meta.entities[x[0]][4] || x[0] - y[0]; });
    found.slice(0, MAX_ENTITIES).forEach(function (x) {
      var e = meta.entities[x[0]];
      var li = document.createElement("li");
      var kind = meta.kinds[e[0]];
      var label = document.createElement("span");
      label.className = "kind-label";
      label.textContent = say("kind-" + kind[0]) || kind[0];
      var a = document.createElement("a");
      a.href = root + kind[1] + e[2] + kind[2];
      a.textContent = e[1];
      li.appendChild(label);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      var n = document.createElement("span");
      n.className = "count";
      n.textContent = " " + numbered("count", e[4]);
      li.appendChild(n);
      entityList.appendChild(li);
    });
    entityList.hidden = !found.length;
  }
  // How well the terms of one name or alias match every unit: 2 when they are the whole
  // name, 1 when every unit is in it, 0 otherwise.
  function nameMatch(ts, units) {
    var used = 0;
    for (var i = 0; i < units.length; i++) {
      var u = units[i];
      if (u.phrase) {
        if (!hasPhrase(ts, u.phrase)) return 0;
        used += u.phrase.length;
      } else if (!ts.some(function (t) { return u.prefix ? t.indexOf(u.word) === 0 : t === u.word; })) {
        return 0;
      } else {
        used++;
      }
    }
    return used >= ts.length ? 2 : 1;
  }

  // Whether a word with term t is one the query looks for.
  function wanted(t, units) {
    return units.some(function (u) {
      return (u.prefix ? t.indexOf(u.word) === 0 : u.word === t) || (!!u.alts && u.alts.indexOf(t) >= 0);
    });
  }
  // Marks, in pieces, the words a unit matches: words, prefixes, and whole phrases.
  function markPieces(ps, units) {
    var words = [];
    ps.forEach(function (p, i) { if (p.term) words.push(i); });
    words.forEach(function (i) { if (wanted(ps[i].term, units)) ps[i].mark = true; });
    units.forEach(function (u) {
      if (!u.phrase) return;
      for (var k = 0; k + u.phrase.length <= words.length; k++) {
        var j = 0;
        while (j < u.phrase.length && ps[words[k + j]].term === u.phrase[j]) j++;
        if (j < u.phrase.length) continue;
        for (var x = words[k]; x <= words[k + u.phrase.length - 1]; x++) ps[x].mark = true;
      }
    });
    return ps;
  }
  // Appends pieces to el, marked words in <mark> (text nodes only: never markup).
  function render(el, ps) {
    var open = null;
    ps.forEach(function (p, i) {
      var inside = p.mark || (!p.term && open && ps[i + 1] && ps[i + 1].mark);
      if (inside) {
        if (!open) { open = document.createElement("mark"); el.appendChild(open); }
        open.appendChild(document.createTextNode(p.text));
      } else {
        open = null;
        el.appendChild(document.createTextNode(p.text));
      }
    });
  }

  // The excerpt of briefing d around its first match in the body: pieces, or null when
  // the body has no match (the summary is shown then).
  function excerptOf(d, units) {
    var ids = d.ids, at = -1, k;
    units.forEach(function (u) {
      if (!u.phrase || at >= 0) return;
      var hits = bodyPhrase(d, u);
      if (hits.length) at = hits[0];
    });
    if (at < 0) {
      // The first place of the rarest word or prefix.
      var rare = units.filter(function (u) { return !u.phrase && u.entries.length; }).sort(function (x, y) {
        return x.entries[0].df - y.entries[0].df;
      });
      for (var r = 0; r < rare.length && at < 0; r++) {
        var set = new Set();
        rare[r].entries.forEach(function (e) { set.add(e.word); });
        for (k = 0; k < ids.length; k++) if (set.has(termOf(d, ids[k]))) { at = k; break; }
      }
    }
    if (at < 0) return Promise.resolve(null);
    var gap = function (id) { return isGap(d, id); };
    // About ten words before the match and twenty-five after, cut at word boundaries.
    var lo = at, hi = at, words = 0;
    while (lo > 0 && words < 10) { lo--; if (!gap(ids[lo])) words++; }
    if (lo > 0 && gap(ids[lo])) lo++;
    words = 0;
    while (hi < ids.length - 1 && words < 25) { hi++; if (!gap(ids[hi])) words++; }
    // Start where the match's paragraph, heading or list item starts, when that is near.
    var block = false;
    for (var b = at - 1; b >= lo; b--) {
      if (gap(ids[b]) && textOfId(d, ids[b]).indexOf("\n") >= 0) { lo = b + 1; block = true; break; }
    }
    var text = "", prev = -1;
    for (var i = lo; i <= hi; i++) {
      var id = ids[i], s = textOfId(d, id), g = gap(id);
      // Two words in a row had a single space between them.
      if (!g && prev >= 0 && !gap(prev)) text += " ";
      text += g ? s.replace(/\s*\n\s*/g, /^\s*\n\s*$/.test(s) ? " · " : " ") : s;
      prev = id;
    }
    var ps = markPieces(pieces(text), units);
    if (lo > 0 && !block) ps.unshift({ text: "… " });
    if (hi < ids.length - 1) ps.push({ text: " …" });
    return Promise.resolve(ps);
  }

  function item(n, d, excerpt, units) {
    var li = document.createElement("li");
    var time = document.createElement("time");
    var day = new Date(dayOf(n) * 864e5);
    time.dateTime = day.toISOString().slice(0, 10);
    time.textContent = day.getUTCDate() + " " + meta.months[day.getUTCMonth()] + " " + day.getUTCFullYear();
    var div = document.createElement("div");
    var a = document.createElement("a");
    a.className = "title";
    a.href = root + meta.page[0] + d[1] + meta.page[1];
    render(a, markPieces(pieces(d[0]), units));
    div.appendChild(a);
    var text = excerpt || (d[2] ? markPieces(pieces(d[2]), units) : null);
    if (text) {
      var p = document.createElement("p");
      if (excerpt) p.className = "excerpt";
      render(p, text);
      div.appendChild(p);
    }
    li.appendChild(time);
    li.appendChild(div);
    return li;
  }

  // ---- The page: address, filters, events. ----
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
    try {
      history.replaceState(null, "", s ? "?" + s : location.pathname);
    } catch (e) {
      // Some browsers refuse to change the address of a page opened from a folder.
    }
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

  function prepare(m, t) {
    m.runs = [];
    var day = 0, first = 0;
    for (var i = 0; i + 1 < m.days.length; i += 2) {
      day = i === 0 ? m.days[0] : day - m.days[i];
      m.runs.push({ day: day, first: first, count: m.days[i + 1] });
      first += m.days[i + 1];
    }
    m.tagOf = new Map(m.tags.map(function (tg) { return [tg[1], tg]; }));
    // Text files name an entity by its kind's word and slug, so that one coming or going
    // renumbers no other briefing's text file.
    m.entityOf = new Map(m.entities.map(function (e) { return [m.kinds[e[0]][0] + ":" + e[2], e]; }));
    m.names = m.entities.map(function (e) { return [e[1]].concat(e[3]).map(terms); });
    // Per one-word name or alias, the entity's other one-word names (the first MAX_ALIASES).
    m.alts = new Map();
    m.names.forEach(function (names) {
      var single = [];
      names.forEach(function (ts) { if (ts.length === 1 && single.indexOf(ts[0]) < 0 && single.length <= MAX_ALIASES) single.push(ts[0]); });
      single.forEach(function (t) {
        var list = m.alts.get(t) || [];
        single.forEach(function (o) { if (o !== t && list.length < MAX_ALIASES && list.indexOf(o) < 0) list.push(o); });
        if (list.length) m.alts.set(t, list);
      });
    });
    Object.keys(filters).forEach(function (kind) {
      var sel = filters[kind], opts = [];
      // List files are named by slug (an entity's under its kind's word), so that one
      // coming or going renames no other's file.
      if (kind === "tag") m.tags.forEach(function (tg) { opts.push([tg[0], tg[1]]); });
      else m.entities.forEach(function (e) { if (m.kinds[e[0]][0] === kind) opts.push([e[1], e[2]]); });
      opts.sort(function (x, y) { return x[0].localeCompare(y[0]); });
      opts.forEach(function (o) { sel.add(new Option(o[0], o[1])); });
    });
    t.keySet = {};
    t.keys.forEach(function (k, i) { t.keySet[k] = i; });
  }

  function fail() { status.textContent = say("failed"); }

  var timer = null;
  function later() { clearTimeout(timer); timer = setTimeout(search, 120); }
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); search(); });
  q.addEventListener("input", later);
  Object.keys(filters).forEach(function (k) { filters[k].addEventListener("change", search); });
  from.addEventListener("change", search);
  to.addEventListener("change", search);
  more.addEventListener("click", function () { if (run) page(run).then(null, fail); });
  form.hidden = false;
  status.textContent = say("loading");
  function start() {
    Promise.all([get("meta"), get("text")]).then(function (got) {
      if (!got[0]) return fail();
      if (got[0].v !== FORMAT) {
        // A browser or a proxy kept a copy of the index or of this script from before the
        // site was built again: the index once more past the cache, then a word to reload.
        if (!fresh) {
          fresh = "?v=" + Date.now();
          cache = {};
          return start();
        }
        status.textContent = say("stale") || say("failed");
        return;
      }
      if (!got[1]) return fail();
      prepare(got[0], got[1]);
      meta = got[0];
      head = got[1];
      status.textContent = "";
      restore();
      search();
    }, fail);
  }
  start();
})();
