// Menetelmävalitsin on menetelmat/: every facet at once, counts that follow the choices, and
// the state in the address (?teema=ero,vanhemmuus&ika=kouluikaiset&alue=mikkeli) so a view can
// be shared and reloaded. It reads each method's values from the build's valitsin.json and
// shows or hides the cards (or, on a large catalogue, the names) already on the page.
// Without this script the form stays hidden and the facet pages do the same one facet at a time.
(function () {
  "use strict";

  var form = document.querySelector("[data-pk-valitsin]");
  if (!form || !window.fetch) {
    return;
  }
  var status = document.getElementById("valitsin-tulos");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-menetelma]"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var area = form.elements.alue || null;
  var params = boxes.reduce(function (names, box) {
    return names.indexOf(box.name) < 0 ? names.concat(box.name) : names;
  }, []).concat(area ? ["alue"] : []);
  var methods = {};
  var total = 0;

  function stateFromUrl() {
    var query = new URLSearchParams(window.location.search);
    var state = {};
    params.forEach(function (name) {
      state[name] = (query.get(name) || "").split(",").filter(Boolean);
    });
    return state;
  }

  function showInForm(state) {
    boxes.forEach(function (box) { box.checked = state[box.name].indexOf(box.value) >= 0; });
    if (area) {
      area.value = state.alue[0] || "";
      if (area.value !== (state.alue[0] || "")) { area.value = ""; }  // an unknown area in a pasted link
    }
  }

  function stateFromForm() {
    var state = {};
    params.forEach(function (name) { state[name] = []; });
    boxes.forEach(function (box) { if (box.checked) { state[box.name].push(box.value); } });
    if (area && area.value) { state.alue = [area.value]; }
    return state;
  }

  // Within a group any chosen value will do; every group with a choice must match.
  function matches(method, state, except) {
    return params.every(function (name) {
      var chosen = state[name];
      return name === except || chosen.length === 0 || chosen.some(function (value) {
        return (method[name] || []).indexOf(value) >= 0;
      });
    });
  }

  function countWith(state, name, value) {
    var count = 0;
    Object.keys(methods).forEach(function (id) {
      var method = methods[id];
      if ((method[name] || []).indexOf(value) >= 0 && matches(method, state, name)) { count += 1; }
    });
    return count;
  }

  function showCounts(state) {
    boxes.forEach(function (box) {
      box.parentNode.querySelector("[data-maara]").textContent = "(" + countWith(state, box.name, box.value) + ")";
    });
    params.forEach(function (name) {
      var chosen = form.querySelector("[data-valittu=" + name + "]");
      if (chosen) { chosen.textContent = state[name].length ? "(" + state[name].length + " valittu)" : ""; }
    });
    if (area) {
      Array.prototype.forEach.call(area.options, function (option) {
        if (!option.value) { return; }
        option.setAttribute("data-nimi", option.getAttribute("data-nimi") || option.textContent);
        option.textContent = option.getAttribute("data-nimi") + " (" + countWith(state, "alue", option.value) + ")";
      });
    }
  }

  function urlFor(state) {
    var parts = params.filter(function (name) { return state[name].length; }).map(function (name) {
      return name + "=" + state[name].map(encodeURIComponent).join(",");
    });
    return window.location.pathname + (parts.length ? "?" + parts.join("&") : "") + window.location.hash;
  }

  function apply() {
    var state = stateFromForm();
    var shown = 0;
    items.forEach(function (item) {
      var method = methods[item.getAttribute("data-menetelma")];
      item.hidden = Boolean(method) && !matches(method, state, null);
      if (!item.hidden) { shown += 1; }
    });
    document.querySelectorAll("[data-kirjain]").forEach(function (group) {
      group.hidden = !group.querySelector("[data-menetelma]:not([hidden])");
    });
    showCounts(state);
    status.textContent = shown === total
      ? "Näytetään kaikki " + total + " menetelmää."
      : shown === 0
        ? "Yksikään menetelmä ei sovi kaikkiin valintoihin. Poista jokin valinta."
        : "Valintoja vastaa " + shown + " / " + total + " menetelmää.";
    window.history.replaceState(null, "", urlFor(state));
  }

  function start(data) {
    data.menetelmat.forEach(function (method) {
      method.alue = method.alue.map(function (i) { return data.alueet[i]; });  // numbered in the file
      methods[method.id] = method;
    });
    total = items.length;
    var facetLinks = document.querySelector(".pk-facets");
    if (facetLinks) { facetLinks.hidden = true; }  // the form does the same and more
    showInForm(stateFromUrl());
    // Open the groups that hold a choice, so a shared view shows what was chosen.
    form.querySelectorAll("details").forEach(function (group) {
      group.open = Boolean(group.querySelector("input:checked"));
    });
    apply();
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  }

  fetch(form.getAttribute("data-tiedot"))
    .then(function (response) { return response.json(); })
    .then(start)
    .catch(function () { /* the full list and the facet pages stay as they are */ });
})();
