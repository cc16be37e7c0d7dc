// Vertailu: choosing 2–4 methods ("Lisää vertailuun" on method cards and pages, with a tray of
// the chosen ones) and the comparison table on vertaa/. The choice follows the user from page
// to page in localStorage; the comparison's address holds the ids in order
// (vertaa/?menetelmat=id1,id2,id3), so a link shows a colleague the same table.
// Each method's column is an HTML fragment the build writes (vertaa/sarakkeet/<id>.html).
(function () {
  "use strict";

  var KEY = "pk-vertailu";
  var ID = /^[a-z0-9][a-z0-9-]*$/;
  var memory = [];  // when the browser keeps nothing (private mode), the choice lasts the page

  function load() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(stored) ? stored.filter(function (item) {
        return item && ID.test(item.id) && typeof item.nimi === "string";
      }) : [];
    } catch (error) {
      return memory.slice();
    }
  }

  function save(chosen) {
    memory = chosen.slice();
    try { window.localStorage.setItem(KEY, JSON.stringify(chosen)); } catch (error) { /* memory only */ }
  }

  function ids(chosen) {
    return chosen.map(function (item) { return item.id; });
  }

  // --- Choosing: the checkboxes and the tray -------------------------------------------------

  var picks = Array.prototype.slice.call(document.querySelectorAll("input[data-vertailu]"));
  var trays = Array.prototype.slice.call(document.querySelectorAll("[data-vertailukori]"));
  var limit = document.querySelector("[data-enintaan]"); // the tray's or the comparison's, from the build
  var most = limit ? Number(limit.getAttribute("data-enintaan")) : 0;

  function showChoice(message) {
    var chosen = load();
    picks.forEach(function (box) {
      box.checked = ids(chosen).indexOf(box.getAttribute("data-vertailu")) >= 0;
    });
    trays.forEach(function (tray) {
      var list = tray.querySelector("ul");
      var item = tray.querySelector("template").content.firstElementChild;
      var go = tray.querySelector("[data-vertaa]");
      list.textContent = "";
      chosen.forEach(function (method) {
        var row = item.cloneNode(true);
        row.querySelectorAll("[data-nimi]").forEach(function (name) { name.textContent = method.nimi; });
        row.querySelector("button").addEventListener("click", function () { remove(method.id, tray); });
        list.appendChild(row);
      });
      tray.querySelector("[data-maara]").textContent = chosen.length;
      go.href = go.getAttribute("href").split("?")[0] + "?menetelmat=" + ids(chosen).join(",");
      go.parentNode.hidden = chosen.length < 2;
      tray.querySelector("[role=status]").textContent = message
        || (chosen.length === 1 ? "Valitse vielä ainakin yksi menetelmä, niin voit verrata." : "");
      tray.hidden = chosen.length === 0 && !message;
    });
  }

  function remove(id, tray) {
    save(load().filter(function (item) { return item.id !== id; }));
    showChoice();
    // The pressed button is gone: keep the keyboard where the user was.
    var box = picks.filter(function (b) { return b.getAttribute("data-vertailu") === id; })[0];
    var next = tray.hidden ? box : tray.querySelector("button");
    if (next) { next.focus(); }
  }

  picks.forEach(function (box) {
    box.closest("label").hidden = false;
    box.addEventListener("change", function () {
      var chosen = load();
      var id = box.getAttribute("data-vertailu");
      if (!box.checked) {
        save(chosen.filter(function (item) { return item.id !== id; }));
        showChoice();
      } else if (chosen.length >= most) {
        box.checked = false;
        showChoice("Vertailuun mahtuu enintään " + most + " menetelmää. Poista ensin jokin valituista.");
      } else {
        save(chosen.concat({ id: id, nimi: box.getAttribute("data-nimi") }));
        showChoice();
      }
    });
  });
  if (picks.length || trays.length) {
    showChoice();
    window.addEventListener("storage", function () { showChoice(); });
  }

  // --- The comparison page -------------------------------------------------------------------

  var page = document.querySelector("[data-pk-vertailu]");
  if (!page || !window.fetch) {
    return;
  }
  var table = page.querySelector("table");
  var box = page.querySelector("[data-taulukko]");
  var note = page.querySelector("[data-huomautus]");
  var header = table.querySelector("thead tr");
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
  var removeButton = page.querySelector("template[data-poista]").content.firstElementChild;
  var shown = [];  // {id, nimi} in column order

  function columnUrl(id) {
    return page.getAttribute("data-sarakkeet") + id + ".html";
  }

  function askedIds() {
    var query = new URLSearchParams(window.location.search);
    if (!query.has("menetelmat")) {
      return ids(load());  // opened from the menu: the user's own choice
    }
    return query.get("menetelmat").split(",").map(function (id) { return id.trim(); })
      .filter(function (id, index, all) { return id && all.indexOf(id) === index; });
  }

  function fetchColumn(id) {
    if (!ID.test(id)) {
      return Promise.resolve(null);
    }
    return fetch(columnUrl(id))
      .then(function (response) { return response.ok ? response.text() : null; })
      .catch(function () { return null; });
  }

  function addColumn(id, html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var base = new URL(columnUrl(id), window.location.href);
    doc.querySelectorAll("a[href]").forEach(function (link) {  // links are relative to the fragment
      link.setAttribute("href", new URL(link.getAttribute("href"), base).href);
    });
    var head = document.importNode(doc.querySelector("th[data-rivi=nimi]"), true);
    var name = head.textContent.trim();
    var button = removeButton.cloneNode(true);
    button.querySelector("[data-nimi]").textContent = name;
    button.addEventListener("click", function () { removeColumn(id); });
    head.setAttribute("data-menetelma", id);
    head.appendChild(button);
    header.appendChild(head);
    rows.forEach(function (row) {
      var cell = doc.querySelector("td[data-rivi=" + row.getAttribute("data-rivi") + "]");
      cell = cell ? document.importNode(cell, true) : document.createElement("td");
      cell.setAttribute("data-menetelma", id);
      row.appendChild(cell);
    });
    shown.push({ id: id, nimi: name });
  }

  function removeColumn(id) {
    var index = ids(shown).indexOf(id);
    var name = shown[index].nimi;
    table.querySelectorAll("[data-menetelma=" + id + "]").forEach(function (cell) { cell.remove(); });
    shown.splice(index, 1);
    update("Poistettiin vertailusta: " + name + ".");
    var buttons = header.querySelectorAll("button");
    var next = buttons[Math.min(index, buttons.length - 1)];
    (next || note).focus();
  }

  function update(message) {
    // Short, so that it fits a phone's screen: the column headings name the methods.
    table.querySelector("caption").textContent = "Menetelmien vertailu (" + shown.length + " menetelmää)";
    box.hidden = shown.length === 0;
    page.querySelector("[data-toiminnot]").hidden = shown.length === 0;
    page.querySelector("[data-ilman-skriptia]").hidden = shown.length > 0;
    var hints = message ? [message] : [];
    if (shown.length === 0) {
      hints.push("Vertailussa ei ole menetelmiä. Valitse menetelmät menetelmäluettelosta kohdasta Lisää vertailuun.");
    } else if (shown.length === 1) {
      hints.push("Valitse vielä ainakin yksi menetelmä, niin voit verrata.");
    }
    note.textContent = hints.join(" ");
    var address = window.location.pathname + (shown.length ? "?menetelmat=" + ids(shown).join(",") : "");
    window.history.replaceState(null, "", address + window.location.hash);
    page.querySelector("[data-print-address]").textContent = "Osoite: " + window.location.href;
    save(shown);
    showChoice();
  }

  var asked = askedIds();
  var wanted = asked.slice(0, most);
  Promise.all(wanted.map(fetchColumn)).then(function (columns) {
    var missing = [];
    columns.forEach(function (html, index) {
      if (html) { addColumn(wanted[index], html); } else { missing.push(wanted[index]); }
    });
    var messages = [];
    if (missing.length) {
      messages.push("Näitä menetelmiä ei löytynyt, joten ne jätettiin pois: " + missing.join(", ") + ".");
    }
    if (asked.length > most) {
      messages.push("Vertailuun mahtuu " + most + " menetelmää; mukana ovat " + most + " ensimmäistä.");
    }
    update(messages.join(" "));
  });
  note.setAttribute("tabindex", "-1");
  page.querySelector("[data-tulosta]").addEventListener("click", function () { window.print(); });
})();
