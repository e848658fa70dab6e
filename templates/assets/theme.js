// Applies the reader's saved theme before the page paints, so there is no flash.
(function () {
  try {
    var saved = localStorage.getItem("docspec-theme");
    if (saved === "light" || saved === "dark") {
      document.documentElement.setAttribute("data-theme", saved);
    }
  } catch (e) {
    // Storage can be blocked (file://, privacy settings): follow the system theme.
  }
})();
