// Applies the reader's saved theme before the page paints, so there is no flash.
(function () {
  // Tells the style sheet that scripts run: the page list can then hide behind a menu button.
  document.documentElement.classList.add("js");
  try {
    var saved = localStorage.getItem("docspec-theme");
    if (saved === "light" || saved === "dark") {
      document.documentElement.setAttribute("data-theme", saved);
    }
  } catch (e) {
    // Storage can be blocked (file://, privacy settings): follow the system theme.
  }
})();
