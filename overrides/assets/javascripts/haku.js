// The search page: loads Pagefind's UI from the site's own /pagefind/ folder and runs the
// query given in the address (?q=…), which the search field on every page submits.
(function () {
  "use strict";
  var target = document.querySelector("[data-pk-search]");
  if (!target) {
    return;
  }
  var base = new URL("../pagefind/", document.baseURI.replace(/[^/]*$/, "")).href;
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = base + "pagefind-ui.css";
  document.head.appendChild(style);
  var script = document.createElement("script");
  script.src = base + "pagefind-ui.js";
  script.onload = function () {
    var ui = new window.PagefindUI({ element: "#haku", showSubResults: true, showImages: false, resetStyles: false });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      ui.triggerSearch(query);
    }
  };
  document.head.appendChild(script);
})();
