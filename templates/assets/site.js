// Progressive enhancements: the theme toggle and copy buttons. The pages read fine without them.
(function () {
  "use strict";
  var root = document.documentElement;
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
