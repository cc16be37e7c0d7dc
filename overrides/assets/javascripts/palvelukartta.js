// Palvelukartta: instant filtering of the service map, with the filter state in the URL
// (?alue=…&ika=…&teema=…&taso=…&haku=…) so a filtered view can be shared and reloaded.
// Progressive enhancement: without scripts the page lists every service and the filter form
// is hidden by a noscript rule (overrides/main.html).
(function () {
  "use strict";

  var map = document.querySelector("[data-pk-map]");
  if (!map) {
    return;
  }
  var form = map.querySelector("form");
  var cards = Array.prototype.slice.call(map.querySelectorAll(".pk-service"));
  var columns = Array.prototype.slice.call(map.querySelectorAll("[data-taso-sarake]"));
  var status = map.querySelector("[role=status]");
  var levels = columns.map(function (column) { return column.getAttribute("data-taso-sarake"); });
  // A life-situation page has only the area choice; the service map has them all.
  var fields = ["alue", "ika", "teema", "haku"].filter(function (name) { return form.elements[name]; });

  function stateFromUrl() {
    var params = new URLSearchParams(window.location.search);
    var state = { taso: params.getAll("taso").filter(function (l) { return levels.indexOf(l) >= 0; }) };
    if (state.taso.length === 0) {
      state.taso = levels.slice();
    }
    fields.forEach(function (name) { state[name] = params.get(name) || ""; });
    return state;
  }

  function stateFromForm() {
    var state = { taso: [] };
    fields.forEach(function (name) { state[name] = form.elements[name].value.trim(); });
    var boxes = form.querySelectorAll("input[name=taso]");
    boxes.forEach(function (box) {
      if (box.checked) { state.taso.push(box.value); }
    });
    if (boxes.length === 0) { state.taso = levels.slice(); }  // no level choice on this page: show every level
    return state;
  }

  function showInForm(state) {
    fields.forEach(function (name) {
      var field = form.elements[name];
      field.value = state[name];
      if (field.value !== state[name]) { field.value = ""; }  // an unknown value in a pasted link
    });
    form.querySelectorAll("input[name=taso]").forEach(function (box) {
      box.checked = state.taso.indexOf(box.value) >= 0;
    });
  }

  function ageMatches(card, state) {
    if (!state.ika || !form.elements.ika) { return true; }
    var option = form.elements.ika.selectedOptions[0];
    if (!option || !option.value) { return true; }
    var from = Number(option.getAttribute("data-alkaen"));
    var to = Number(option.getAttribute("data-asti"));
    var range = card.getAttribute("data-ika").split(" ");
    var min = range[0] === "" ? -Infinity : Number(range[0]);
    var max = range[1] === "" ? Infinity : Number(range[1]);
    return min <= to && max >= from;
  }

  function matches(card, state) {
    var words = (state.haku || "").toLowerCase().split(/\s+/).filter(Boolean);
    var text = card.getAttribute("data-haku");
    return (!state.alue || card.getAttribute("data-alueet").split(" ").indexOf(state.alue) >= 0)
      && (!state.teema || card.getAttribute("data-teemat").split(" ").indexOf(state.teema) >= 0)
      && ageMatches(card, state)
      && words.every(function (word) { return text.indexOf(word) >= 0; });
  }

  function urlFor(state) {
    var params = new URLSearchParams();
    fields.forEach(function (name) { if (name !== "haku" && state[name]) { params.set(name, state[name]); } });
    if (state.taso.length < levels.length) {
      state.taso.forEach(function (level) { params.append("taso", level); });
    }
    if (state.haku) { params.set("haku", state.haku); }
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
  }

  function apply(state) {
    var shown = 0;
    columns.forEach(function (column) {
      var level = column.getAttribute("data-taso-sarake");
      var levelShown = state.taso.indexOf(level) >= 0;
      var count = 0;
      column.querySelectorAll(".pk-service").forEach(function (card) {
        var visible = levelShown && matches(card, state);
        card.hidden = !visible;
        if (visible) { count += 1; }
      });
      column.hidden = !levelShown;
      column.querySelector("[data-count]").textContent = count;
      column.querySelector(".pk-column__empty").hidden = count > 0;
      shown += count;
    });
    status.textContent = shown === cards.length
      ? "Näytetään kaikki " + cards.length + " palvelua."
      : shown === 0
        ? "Ei palveluja tällä rajauksella. Kokeile väljempää rajausta."
        : "Näytetään " + shown + " / " + cards.length + " palvelua.";
    window.history.replaceState(null, "", urlFor(state));
    var address = map.querySelector("[data-print-address]");
    if (address) { address.textContent = "Osoite: " + window.location.href; }
  }

  var initial = stateFromUrl();
  showInForm(initial);
  apply(stateFromForm());
  form.addEventListener("input", function () { apply(stateFromForm()); });
  form.addEventListener("change", function () { apply(stateFromForm()); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { apply(stateFromForm()); }, 0);
  });
})();
