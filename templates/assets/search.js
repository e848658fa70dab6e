// Client-side search over pages, sections and methods: titles, request paths, attribute
// names and the words of their prose.
// The index is a script (search-index.js) setting a global, loaded on first use:
// fetch() of a local file is refused under file://, a script tag is not.
(function () {
  "use strict";
  var form = document.getElementById("ds-search-form");
  var input = document.getElementById("ds-search");
  var panel = document.getElementById("ds-search-results");
  if (!form || !input || !panel) return;
  var status = panel.querySelector(".search-status");
  var list = panel.querySelector(".search-list");
  var root = document.documentElement.getAttribute("data-root") || "";
  var index = null;
  var loading = false;
  var MAX_RESULTS = 20;

  form.hidden = false;

  function load(then) {
    if (index) return then();
    if (window.DOCSPEC_SEARCH_INDEX) {
      index = prepare(window.DOCSPEC_SEARCH_INDEX);
      return then();
    }
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () {
      index = prepare(window.DOCSPEC_SEARCH_INDEX || []);
      then();
    };
    script.onerror = function () {
      loading = false;
      show("The search index could not be loaded.");
    };
    document.head.appendChild(script);
  }

  function prepare(entries) {
    return entries.map(function (e) {
      var paths = e.p.map(function (p) { return p.toLowerCase(); });
      return {
        entry: e,
        title: e.t.toLowerCase(),
        page: e.g.toLowerCase(),
        requests: paths,
        // Paths without the verb, for exact matches: `/projects/:id/issues`.
        bare: paths.map(function (p) { return p.slice(p.indexOf(" ") + 1).replace(/\/$/, ""); }),
        paths: paths.join("\n"),
        attrs: e.a.map(function (a) { return a.toLowerCase(); }),
        words: " " + e.x + " "
      };
    });
  }

  // An exact title or path match comes first, then paths that start with the query
  // (shorter first); otherwise every term must match, and where it matches decides.
  function score(item, query, terms) {
    var bareQuery = query.replace(/\/$/, "");
    if (item.title === query) return 1000;
    for (var i = 0; i < item.bare.length; i++) {
      // A listing (GET) before the other verbs on the same path.
      if (item.bare[i] === bareQuery) return item.requests[i].indexOf("get ") === 0 ? 1001 : 1000;
      if (item.requests[i] === query) return 1000;
      if (bareQuery.charAt(0) === "/" && item.bare[i].indexOf(bareQuery) === 0) {
        return 500 - Math.min(item.bare[i].length - bareQuery.length, 400);
      }
    }
    var total = 0;
    for (var t = 0; t < terms.length; t++) {
      var term = terms[t];
      var best = 0;
      var at = item.title.indexOf(term);
      if (at === 0 || (at > 0 && /[\s(\/_-]/.test(item.title.charAt(at - 1)))) best = 12;
      else if (at > 0) best = 8;
      if (item.paths.indexOf(term) >= 0) best = Math.max(best, 7);
      for (var j = 0; j < item.attrs.length; j++) {
        if (item.attrs[j] === term) best = Math.max(best, 6);
        else if (item.attrs[j].indexOf(term) >= 0) best = Math.max(best, 3);
      }
      if (item.words.indexOf(" " + term) >= 0) best = Math.max(best, 4);
      if (item.page.indexOf(term) >= 0) best = Math.max(best, 2);
      if (!best) return 0;
      total += best;
    }
    if (item.entry.k === "page") total += 2;
    return total;
  }

  function matchedAttrs(item, terms) {
    return item.entry.a.filter(function (a, i) {
      return terms.some(function (t) { return item.attrs[i].indexOf(t) >= 0; });
    }).slice(0, 4);
  }

  function show(message) {
    status.textContent = message;
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function hide() {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function run() {
    var query = input.value.trim().toLowerCase();
    if (!query) return hide();
    if (!index) return load(run);
    var terms = query.split(/\s+/);
    var hits = [];
    index.forEach(function (item, order) {
      var s = score(item, query, terms);
      if (s) hits.push({ item: item, score: s, order: order });
    });
    hits.sort(function (a, b) {
      return b.score - a.score || a.item.title.length - b.item.title.length || a.order - b.order;
    });
    list.textContent = "";
    hits.slice(0, MAX_RESULTS).forEach(function (hit) {
      var e = hit.item.entry;
      var link = el("a", "search-hit");
      link.href = root + e.u;
      var top = el("span", "search-hit-top");
      var first = (e.p[0] || "").split(" ");
      if (first.length > 1) {
        top.appendChild(el("span", "verb verb-sm verb-" + verbClass(first[0]), first[0]));
        top.appendChild(el("code", "search-hit-path", first.slice(1).join(" ")));
      }
      if (top.firstChild) link.appendChild(top);
      link.appendChild(el("span", "search-hit-title", e.t));
      var meta = e.g || (e.k === "page" ? "Page" : "");
      var attrs = matchedAttrs(hit.item, terms);
      if (attrs.length) meta += " · " + attrs.join(", ");
      link.appendChild(el("span", "search-hit-meta", meta));
      link.addEventListener("click", hide);
      var li = el("li");
      li.appendChild(link);
      list.appendChild(li);
    });
    var count = hits.length;
    show(count === 0 ? "Nothing matches." : count + (count === 1 ? " result" : " results") +
      (count > MAX_RESULTS ? ", showing the first " + MAX_RESULTS : ""));
  }

  function verbClass(verb) {
    var v = verb.toLowerCase();
    return ["get", "post", "put", "patch", "delete"].indexOf(v) >= 0 ? v : "other";
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  input.addEventListener("input", run);
  input.addEventListener("focus", function () {
    load(function () { if (input.value.trim()) run(); });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      hide();
      input.focus();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus();
      else all[at - 1].focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) hide();
  });
  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (event.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(tag) && !event.target.isContentEditable) {
      event.preventDefault();
      input.focus();
    }
  });
})();
