// Progressive enhancements: the page list (from nav.js, shared by every page), the menu
// button on narrow screens, the theme toggle, copy buttons and folding of nested
// attributes. The pages read fine without them: the index lists every page.
(function () {
  "use strict";
  var root = document.documentElement;
  var base = root.getAttribute("data-root") || "";
  var sidebar = document.getElementById("ds-sidebar");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function samePage(href) {
    var a = new URL(href, location.href);
    return a.pathname === location.pathname;
  }

  function buildNav() {
    var nav = window.DOCSPEC_NAV;
    var holder = document.getElementById("ds-nav");
    if (!nav || !holder) return;
    var list = el("ul", "nav-pages");
    var current = null;
    nav.groups.forEach(function (group) {
      var pages = el("ul", "nav-group-pages");
      group.p.forEach(function (entry) {
        var li = el("li", "nav-page");
        var link = el("a");
        link.href = base + entry[1];
        link.appendChild(el("span", "nav-page-title", entry[0]));
        if (entry[2]) {
          var count = el("span", "count", String(entry[2]));
          count.setAttribute("aria-label", entry[2] + (entry[2] === 1 ? " endpoint" : " endpoints"));
          link.appendChild(count);
        }
        li.appendChild(link);
        if (!current && samePage(link.href)) {
          current = li;
          li.classList.add("current");
          link.setAttribute("aria-current", "page");
          var toc = document.getElementById("ds-toc");
          if (toc) li.appendChild(toc);
        }
        pages.appendChild(li);
      });
      var item = el("li", "nav-group");
      if (group.t) item.appendChild(el("p", "nav-group-title", group.t));
      item.appendChild(pages);
      list.appendChild(item);
    });
    holder.appendChild(list);
    if (current && sidebar) {
      // Bring the current page into the sidebar's view, not the window's.
      var top = current.getBoundingClientRect().top - sidebar.getBoundingClientRect().top;
      sidebar.scrollTop += top - 80;
    }
  }
  buildNav();

  var menu = document.getElementById("ds-menu");
  if (menu && sidebar) {
    menu.hidden = false;
    var setOpen = function (open) {
      root.classList.toggle("nav-open", open);
      menu.setAttribute("aria-expanded", open ? "true" : "false");
    };
    menu.addEventListener("click", function () {
      var open = !root.classList.contains("nav-open");
      setOpen(open);
      if (open) {
        var here = sidebar.querySelector('[aria-current="page"]') || sidebar.querySelector("a");
        if (here) here.focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && root.classList.contains("nav-open")) {
        setOpen(false);
        menu.focus();
      }
    });
    sidebar.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) setOpen(false);
    });
  }

  // Nested response attributes fold under their parent.
  Array.prototype.forEach.call(document.querySelectorAll(".attributes-response tr[data-children]"), function (row) {
    var cell = row.querySelector(".attr-name");
    if (!cell) return;
    var n = Number(row.getAttribute("data-children"));
    var name = (cell.querySelector("code") || cell).textContent.trim();
    var button = el("button", "nest-toggle");
    button.type = "button";
    button.setAttribute("aria-expanded", "true");
    button.setAttribute("aria-label", "Hide the " + n + " nested attributes of " + name);
    cell.insertBefore(button, cell.firstChild);
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.setAttribute("aria-label", (open ? "Hide" : "Show") + " the " + n + " nested attributes of " + name);
      refold(row.closest("tbody"));
    });
  });

  function refold(tbody) {
    var hiddenBelow = Infinity;
    Array.prototype.forEach.call(tbody.rows, function (row) {
      var depth = Number((row.className.match(/depth-(\d)/) || [0, 0])[1]);
      if (depth <= hiddenBelow) hiddenBelow = Infinity;
      row.hidden = depth > hiddenBelow;
      var toggle = row.querySelector(".nest-toggle");
      if (!row.hidden && toggle && toggle.getAttribute("aria-expanded") === "false") hiddenBelow = depth;
    });
  }
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function isDark() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) return chosen === "dark";
    return !!(media && media.matches);
  }

  var toggle = document.getElementById("ds-theme-toggle");
  if (toggle) {
    var sync = function () {
      toggle.setAttribute("aria-pressed", isDark() ? "true" : "false");
    };
    toggle.hidden = false;
    sync();
    toggle.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try {
        localStorage.setItem("docspec-theme", next);
      } catch (e) {
        // Not saved; the choice still holds for this page.
      }
      sync();
    });
    if (media && media.addEventListener) media.addEventListener("change", sync);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      document.body.removeChild(area);
      if (ok) resolve();
      else reject(new Error("copy failed"));
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".copy-button"), function (button) {
    var figure = button.closest(".example");
    var code = figure && figure.querySelector("pre code");
    if (!code) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(code.textContent).then(
        function () { flash(button, "Copied"); },
        function () { flash(button, "Press Ctrl+C"); }
      );
    });
  });

  function flash(button, text) {
    button.textContent = text;
    button.classList.add("is-done");
    setTimeout(function () {
      button.textContent = "Copy";
      button.classList.remove("is-done");
    }, 1600);
  }
})();
