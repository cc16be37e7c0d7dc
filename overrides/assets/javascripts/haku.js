// The search page (haku/?q=…&tyyppi=…). Pagefind finds the words a page writes; this script
// first reads the query as Finnish with the vocabulary the build wrote (hakusanasto/, made by
// macros/search_lexicon.py): each word's base form, the site's own forms of it, its synonyms and
// the compounds that end in it, a compound's parts, and a spelling suggestion. Then it asks
// Pagefind for those words, keeps the pages that hold every word (or, when none does, those
// that hold most) and shows them with what they are. Nothing is sent to any server.
(function () {
  "use strict";
  var root = document.querySelector("[data-pk-search]");
  if (!root) {
    return;
  }
  var PAGE_SIZE = 10;
  // Pagefind ranks a longer word that begins with the searched one lower: stronger than its
  // default 1, because the forms of a word are searched here one by one ("lasten" should not
  // lift every page on "lastensuojelu").
  var TERM_SIMILARITY = 3;
  var WEIGHT = { own: 1, synonym: 0.8, compound: 0.6, parts: 0.6 };
  // Each searched form loads the part of Pagefind's index that holds it: so a word is searched
  // with its most used forms only (the vocabulary lists them most used first). When the index has
  // more than MAX_INDEX_PARTS parts (about 30 kilobytes each at national scale), a query shares
  // that many forms among its words at first (Pagefind's stemming still finds a word's regular
  // forms), and widens only the words that found nothing.
  var FORMS = { own: 4, synonym: 3, compound: 2 };
  var MAX_INDEX_PARTS = 4;
  var siteRoot = new URL("../", document.baseURI.replace(/[^/]*$/, "")).href;
  var lexiconBase = siteRoot + "hakusanasto/";
  var form = root.querySelector("form");
  var field = form.querySelector("input[name=q]");
  var status = root.querySelector("[data-pk-status]");
  var list = root.querySelector("[data-pk-results]");
  var more = root.querySelector("[data-pk-more]");
  var files = new Map();
  var pagefind = null;
  var kinds = new Map(); // page id -> kind name, learnt from the searches
  var current = null; // { query, ranked, shown }

  function json(path) {
    if (!files.has(path)) {
      files.set(path, fetch(lexiconBase + path).then(function (r) { return r.ok ? r.json() : null; }).catch(function () { return null; }));
    }
    return files.get(path);
  }

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function hex(text) {
    return Array.from(new TextEncoder().encode(text), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  // --- The vocabulary -------------------------------------------------------------------

  // The entry of one form: { key, own, synonyms, compounds, parts, functionWord, form }, or null.
  function entry(word) {
    return json("index.json").then(function (index) {
      var folded = fold(word);
      var prefix = "";
      index.lohkot.forEach(function (p) {
        if (folded.indexOf(p) === 0 && p.length > prefix.length) { prefix = p; }
      });
      if (!prefix) { return null; }
      return json("s-" + hex(prefix) + ".json").then(function (chunk) {
        if (!chunk) { return null; }
        var form = word in chunk.m ? word : null;
        if (form === null) { // without ä/ö: the most used form that folds the same
          for (var candidate in chunk.m) {
            if (fold(candidate) === folded) { form = candidate; break; }
          }
        }
        if (form === null) { return null; }
        var a = chunk.a[chunk.m[form]];
        return { form: form, key: a[0], own: a[1], synonyms: a[2], compounds: a[3], parts: a[4], root: a[5], functionWord: chunk.f.indexOf(form) >= 0 };
      });
    });
  }

  // Does any form the site knows begin with the word (someone still typing, or a stem)?
  function beginsKnownWord(word) {
    return json("index.json").then(function (index) {
      var folded = fold(word);
      var chunks = index.lohkot.filter(function (p) { return folded.indexOf(p) === 0 || (folded.length >= 3 && p.indexOf(folded) === 0); });
      return Promise.all(chunks.map(function (p) { return json("s-" + hex(p) + ".json"); })).then(function (loaded) {
        return loaded.some(function (chunk) {
          return chunk && Object.keys(chunk.m).some(function (f) { var g = fold(f); return g !== folded && g.indexOf(folded) === 0; });
        });
      });
    });
  }

  // A compound the site does not write, split into two known words ("eroperhe" -> ero + perhe).
  function split(word) {
    var cuts = [];
    for (var i = word.length - 3; i >= 2; i--) { cuts.push(i); }
    return Promise.all(cuts.map(function (i) {
      return Promise.all([entry(word.slice(0, i)), entry(word.slice(i))]);
    })).then(function (pairs) {
      for (var n = 0; n < pairs.length; n++) {
        if (pairs[n][0] && pairs[n][1]) { return pairs[n]; }
      }
      return null;
    });
  }

  function distance(a, b) { // Damerau-Levenshtein (optimal string alignment)
    var d = [];
    for (var i = 0; i <= a.length; i++) { d.push([i]); }
    for (var j = 1; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length][b.length];
  }

  // The site's word most like a misspelt one: one slip in a word of 4+ letters, two in 8+.
  function suggestion(word) {
    var folded = fold(word);
    var allowed = folded.length >= 8 ? 2 : folded.length >= 4 ? 1 : 0;
    if (!allowed) { return Promise.resolve(null); }
    return json("index.json").then(function (index) {
      var lengths = index.pituudet.filter(function (n) { return Math.abs(n - folded.length) <= allowed; });
      return Promise.all(lengths.map(function (n) { return json("p-" + n + ".json"); }));
    }).then(function (buckets) {
      var best = null;
      var bestDistance = allowed + 1;
      buckets.forEach(function (bucket) {
        (bucket || []).forEach(function (candidate, rank) {
          var d = distance(folded, fold(candidate));
          if (d > 0 && d <= allowed && (d < bestDistance || (d === bestDistance && rank < best.rank))) {
            best = { word: candidate, rank: rank };
            bestDistance = d;
          }
        });
      });
      return best && best.word;
    });
  }

  // --- The query as slots: one per word, each a choice of alternatives -----------------------
  // An alternative is { weight, forms } (any form found) or { weight, all: [slot, …] } (every slot).

  function slotOf(found, typed) {
    // Without ä/ö the typed word is the site's word: search as the site spells it (its own forms
    // first: a form written without ä/ö is there only as a data file's name).
    var spelt = found.own.filter(function (f) { return fold(f) === fold(typed); })[0] || (fold(typed) === fold(found.form) ? found.form : typed);
    var alternatives = [{ weight: WEIGHT.own, forms: unique([spelt, found.form].concat(found.own)).slice(0, FORMS.own) }];
    if (found.synonyms.length) { alternatives.push({ weight: WEIGHT.synonym, forms: found.synonyms.slice(0, FORMS.synonym) }); }
    if (found.compounds.length) { alternatives.push({ weight: WEIGHT.compound, forms: found.compounds.slice(0, FORMS.compound) }); }
    // Every word of the site that is this word, a synonym of it or a compound ending in it: a
    // title that writes one of them names it.
    var names = unique([typed, found.form].concat(found.own, found.synonyms, found.compounds)).map(fold);
    return { word: typed, form: spelt, key: found.key, root: found.root, optional: found.functionWord, alternatives: alternatives, names: names };
  }

  function unique(items) {
    return items.filter(function (item, i) { return item && items.indexOf(item) === i; });
  }

  function readWord(word) {
    return entry(word).then(function (found) {
      if (found) {
        var slot = slotOf(found, word);
        if (!found.own.length) { // the site never writes it: Pagefind's matches for it are partial
          slot.alternatives[0].weight = WEIGHT.parts;
        }
        if (found.parts.length) { // a compound: also its parts (searched only when its own forms find too little)
          return Promise.all(found.parts.map(entry)).then(function (parts) {
            if (parts.every(Boolean)) {
              slot.alternatives.push({ weight: WEIGHT.parts, all: parts.map(function (p) { return slotOf(p, p.form); }) });
            }
            return slot;
          });
        }
        return slot;
      }
      return split(word).then(function (pair) {
        if (pair) { // the site never writes the word itself: what Pagefind matches for it is partial, no stronger than its parts
          return { word: word, key: word, alternatives: [{ weight: WEIGHT.parts, forms: [word] }, { weight: WEIGHT.parts, all: pair.map(function (p) { return slotOf(p, p.form); }) }] };
        }
        return beginsKnownWord(word).then(function (begins) {
          if (begins) { return { word: word, key: word, alternatives: [{ weight: 1, forms: [word] }] }; }
          return suggestion(word).then(function (better) {
            if (!better) { return { word: word, key: word, alternatives: [{ weight: 1, forms: [word] }] }; }
            return entry(better).then(function (fixed) {
              var slot = fixed ? slotOf(fixed, better) : { word: better, key: better, alternatives: [{ weight: 1, forms: [better] }] };
              slot.corrected = word;
              return slot;
            });
          });
        });
      });
    });
  }

  // Synonym groups with phrases ("paha olo", "voida huonosti") match a run of words.
  function withPhrases(slots) {
    return json("index.json").then(function (index) {
      var work = [];
      index.ryhmat.forEach(function (group) {
        group.forEach(function (member) {
          for (var start = 0; start + member.length <= slots.length; start++) {
            var run = slots.slice(start, start + member.length);
            if (run.every(function (s, i) { return s.key === member[i]; })) {
              work.push({ start: start, length: member.length, group: group, member: member });
            }
          }
        });
      });
      work.sort(function (a, b) { return b.start - a.start || b.length - a.length; });
      return Promise.all(work.map(function (match) {
        return Promise.all(match.group.filter(function (m) { return m !== match.member; }).map(function (m) {
          return Promise.all(m.map(entry)).then(function (found) {
            if (!found.every(Boolean)) { return null; }
            var parts = found.map(function (f) { return slotOf(f, f.form); });
            return parts.length === 1 ? { weight: WEIGHT.synonym, forms: parts[0].alternatives[0].forms } : { weight: WEIGHT.synonym, all: parts };
          });
        }));
      })).then(function (alternativesPerMatch) {
        var taken = {};
        work.forEach(function (match, n) {
          if (taken[match.start]) { return; }
          var run = slots.slice(match.start, match.start + match.length);
          var own = run.length === 1 ? run[0].alternatives : [{ weight: 1, all: run }];
          var merged = { word: run.map(function (s) { return s.word; }).join(" "), form: run.map(literalOf).join(" "), key: match.member.join(" "), optional: false,
            alternatives: own.concat(alternativesPerMatch[n].filter(Boolean)) };
          slots.splice(match.start, match.length, merged);
          for (var i = match.start; i < match.start + match.length; i++) { taken[i] = true; }
        });
        return slots;
      });
    });
  }

  // --- Asking Pagefind and scoring ------------------------------------------------------

  // Pagefind is asked once per kind (its filter "tyyppi"): the same index parts serve every kind,
  // and so each page's kind is known without loading it. (A search for every page of a kind would
  // load the whole index: megabytes at national scale.)
  var KINDS = Array.from(form.querySelectorAll("input[data-pk-kind]"), function (input) { return input.getAttribute("data-pk-kind"); });
  var searches = new Map();
  function searchForm(word) { // page id -> { score, result }
    if (!searches.has(word)) {
      searches.set(word, Promise.all(KINDS.map(function (kind) {
        return pagefind.search(word, { filters: { tyyppi: kind } });
      })).then(function (perKind) {
        var pages = new Map();
        perKind.forEach(function (found, i) {
          ((found && found.results) || []).forEach(function (result) {
            kinds.set(result.id, KINDS[i]);
            pages.set(result.id, { score: result.score, result: result });
          });
        });
        return pages;
      }));
    }
    return searches.get(word);
  }

  // The forms a slot searches, with its parts'; `named` adds every site word it names (slotOf).
  function formsOf(slot, into, named) {
    (named && slot.names || []).forEach(function (n) { into.add(n); });
    slot.alternatives.forEach(function (a) {
      (a.forms || []).forEach(function (f) { into.add(f); });
      (a.all || []).forEach(function (s) { formsOf(s, into, named); });
    });
    return into;
  }

  // The best evidence that a page holds a slot: { score, result } or null.
  function slotScore(slot, id, found) {
    var best = null;
    slot.alternatives.forEach(function (a) {
      var hit = null;
      if (a.forms) {
        a.forms.forEach(function (f) {
          var h = found.get(f).get(id);
          if (h && (!hit || h.score > hit.score)) { hit = h; }
        });
      } else { // every part: their mean, so a split word weighs as much as a whole one
        var hits = a.all.map(function (s) { return slotScore(s, id, found); });
        if (hits.every(Boolean)) {
          hit = { score: hits.reduce(function (sum, h) { return sum + h.score; }, 0) / hits.length, result: hits[0].result };
        }
      }
      if (hit && (!best || a.weight * hit.score > best.score)) { best = { score: a.weight * hit.score, result: hit.result }; }
    });
    return best;
  }

  function literalOf(slot) { // the word as the site spells it ("jalkeen" -> "jälkeen")
    return slot.form || slot.word;
  }

  // Pages scored per slot; the query's words as written, if Pagefind finds them all on a page,
  // add its own score: the words exactly as written are the strongest evidence of what was meant.
  // The words' own forms first; synonyms, compounds and parts (each a further part of Pagefind's
  // index to load) only when the own forms find fewer than ENOUGH pages holding every word, and
  // then, if some word found pages of its own, only for the words that found none.
  var ENOUGH = 3;
  function ownOnly(slot) {
    var alternatives = slot.alternatives.filter(function (a) { return a.weight >= 1; }).map(function (a) {
      return a.all ? { weight: a.weight, all: a.all.map(ownOnly) } : a;
    });
    return Object.assign({}, slot, { alternatives: alternatives });
  }

  function rankStaged(all) {
    var slots = requiredOf(all);
    return json("index.json").then(function (index) {
      var large = Boolean(index && index.osat > MAX_INDEX_PARTS);
      var own = (large ? withinBudget(slots) : slots).map(ownOnly);
      // The words as written include function words ("Meidän vauva"), unless each costs a part.
      var literal = (large ? own.map(searchedAs) : all.map(literalOf)).join(" ");
      return rank(own, literal).then(function (first) {
        var complete = first.pages.filter(function (p) { return p.complete; }).length;
        var found = slots.map(function (_, i) { return first.pages.some(function (p) { return p.hits[i]; }); });
        var unfound = found.filter(function (f) { return !f; }).length;
        if (complete >= ENOUGH || (large && !unfound)) { return first; }
        return rank(slots.map(function (s, i) { return found[i] && unfound ? own[i] : s; }), literal);
      });
    });
  }

  // Function words only match, never score: they are not searched at all (each would be one
  // more part of the index to load), unless the query has nothing else.
  function requiredOf(slots) {
    var required = slots.filter(function (s) { return !s.optional; });
    return required.length ? required : slots;
  }

  // MAX_INDEX_PARTS own forms shared equally among the words, at least one each, most used forms
  // first. A word that begins with its root (the vocabulary's shortest form that is its own
  // Pagefind stem) is searched as the root ("kouluun" as "koulu"): Pagefind finds it through the
  // root, and reads one part of its index for the root where a longer form can cost two.
  function withinBudget(slots) {
    var share = Math.min(FORMS.own, Math.max(1, Math.floor(MAX_INDEX_PARTS / slots.length)));
    return slots.map(function (slot) {
      var alternatives = slot.alternatives.map(function (a, i) {
        if (i !== 0 || !a.forms) { return a; }
        var root = slot.root && fold(a.forms[0]).indexOf(fold(slot.root)) === 0 ? [slot.root] : [];
        return { weight: a.weight, forms: unique(root.concat(a.forms)).slice(0, share) };
      });
      return Object.assign({}, slot, { alternatives: alternatives });
    });
  }

  function searchedAs(slot) { // the form a budgeted slot is searched as
    var first = slot.alternatives[0];
    return first && first.forms ? first.forms[0] : literalOf(slot);
  }

  var HELD = 4;
  function rank(slots, literalQuery) {
    var forms = Array.from(slots.reduce(function (set, s) { return formsOf(s, set); }, new Set()));
    return Promise.all(forms.concat([literalQuery]).map(searchForm)).then(function (maps) {
      var literal = maps.pop();
      var found = new Map(forms.map(function (f, i) { return [f, maps[i]]; }));
      var ids = new Set();
      maps.forEach(function (m) { m.forEach(function (_, id) { ids.add(id); }); });
      var pages = [];
      ids.forEach(function (id) {
        var hits = slots.map(function (s) { return slotScore(s, id, found); });
        var matched = slots.filter(function (s, i) { return hits[i]; });
        if (!matched.length) { return; }
        var best = hits.filter(Boolean).sort(function (a, b) { return b.score - a.score; })[0];
        var exact = literal.get(id);
        var score = hits.reduce(function (sum, h) { return sum + (h ? h.score : 0); }, exact ? exact.score : 0);
        pages.push({ id: id, complete: matched.length === slots.length, matched: matched, hits: hits, score: score, result: best.result });
      });
      // Every page that holds a word, scored as a whole: a page that lacks some of the words
      // keeps (share of words it holds)² of its score, so a short page about the matter can
      // still pass a long page that happens to hold every word.
      // A word counts as held when the page holds it at least 1/HELD as well as the page that
      // holds it best, less in proportion below that: a synonym that every page mentions in
      // passing does not make a page complete.
      var best = slots.map(function (_, i) {
        return pages.reduce(function (top, p) { return p.hits[i] ? Math.max(top, p.hits[i].score) : top; }, 0);
      });
      pages.forEach(function (p) {
        var held = p.hits.reduce(function (sum, h, i) { return sum + (h ? Math.min(1, HELD * h.score / best[i]) : 0); }, 0);
        p.score *= Math.pow(held / slots.length, 2);
      });
      pages.sort(function (a, b) { return b.score - a.score; });
      return { pages: pages, complete: pages.some(function (p) { return p.complete; }) || !pages.length };
    });
  }

  // A page that gathers other pages of the same results (a life situation listing its services,
  // a method its services, an organisation its methods: the meta "kokoavat" of the gathered pages)
  // is the better place to start. On the first page of results each result it gathers adds one
  // share (GATHERED) to its score, and a title that is the query adds two (NAMED), a title that
  // holds the query among other words as much less as it has other words: a query that names a
  // page still finds that page first. Only the fragments shown anyway are read.
  var GATHERED = 1;
  var NAMED = 2;
  function gatherersFirst(ranked, slots) {
    var first = ranked.pages.slice(0, PAGE_SIZE);
    return Promise.all(first.map(dataOf)).then(function (data) {
      var base = new URL(siteRoot).pathname;
      var query = queryForms(slots);
      first.forEach(function (page, i) {
        page.path = data[i].url.slice(base.length);
        page.gatherers = ((data[i].meta && data[i].meta.kokoavat) || "").split(" ").filter(Boolean);
        page.named = names(data[i].meta && data[i].meta.title, query);
      });
      first.forEach(function (page) {
        var gathered = first.filter(function (p) { return p !== page && p.gatherers.indexOf(page.path) >= 0; }).length;
        page.score *= 1 + GATHERED * gathered + NAMED * page.named;
      });
      first.sort(function (a, b) { return b.score - a.score; });
      return Object.assign({}, ranked, { pages: first.concat(ranked.pages.slice(PAGE_SIZE)) });
    });
  }

  // How much a title is the query: 0 unless it holds every word of the query (a word of the
  // title that is one of its words, or one of them and at most ENDING letters of a case ending:
  // "Eroamme" holds "ero", "Erokahvila" is another word), else the share of the title's words
  // that are the query's, function words included ("Parisuhde" is the query "parisuhteeseen"
  // whole, "Parisuhteen puheeksiotto" half). ENDING 4 to 6 rank the same; 3 cuts real endings.
  var ENDING = 6;
  function names(title, query) {
    var words = fold(title || "").split(/[^\p{L}]+/u).filter(Boolean);
    var holds = function (word, forms) { return forms.some(function (f) { return word.indexOf(f) === 0 && word.length - f.length <= ENDING; }); };
    if (!words.length || !query.required.every(function (forms) { return words.some(function (w) { return holds(w, forms); }); })) { return 0; }
    return words.filter(function (w) { return query.all.some(function (forms) { return holds(w, forms); }); }).length / words.length;
  }

  // Each slot's forms, folded, once per query: { required: [forms, …], all: [forms, …] }.
  function queryForms(slots) {
    var formsOfSlot = function (slot) { return Array.from(formsOf(slot, new Set([slot.word]), true), fold); };
    return { required: requiredOf(slots).map(formsOfSlot), all: slots.map(formsOfSlot) };
  }

  function dataOf(page) { // each result's fragment is loaded once
    if (!page.data) { page.data = page.result.data(); }
    return page.data;
  }

  // --- Showing the results --------------------------------------------------------------

  function template(selector) {
    return root.querySelector("template[" + selector + "]").content.cloneNode(true);
  }

  function chosenKind() {
    var checked = form.querySelector("input[name=tyyppi]:checked");
    var input = checked && checked.value ? checked : null;
    return input ? input.getAttribute("data-pk-kind") : null;
  }

  function say(nodes) {
    status.replaceChildren.apply(status, nodes);
  }

  function message(name, fill) {
    var node = template('data-pk-message="' + name + '"');
    if (fill) { fill(node); }
    return node;
  }

  // Pagefind marks the hits with <mark>; everything else becomes text. DOMParser's document
  // is inert: nothing in it runs or loads.
  function excerptNodes(html) {
    var body = new DOMParser().parseFromString(html, "text/html").body;
    return Array.from(body.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        return mark;
      }
      return document.createTextNode(node.textContent);
    });
  }

  function renderResult(page) {
    return dataOf(page).then(function (data) {
      var node = template("data-pk-result");
      var link = node.querySelector("[data-pk-link]");
      link.href = data.url;
      link.textContent = (data.meta && data.meta.title) || data.url;
      node.querySelector("[data-pk-kind-label]").textContent = kinds.get(page.id) || "Sivu";
      var level = data.meta && data.meta.taso;
      var badge = level && root.querySelector('template[data-pk-level-badge="' + level + '"]');
      if (badge) { node.querySelector("[data-pk-level]").appendChild(badge.content.cloneNode(true)); }
      var excerpt = node.querySelector("[data-pk-excerpt]");
      excerpt.append.apply(excerpt, excerptNodes(data.excerpt || ""));
      var sections = node.querySelector("[data-pk-sections]");
      (data.sub_results || []).filter(function (s) { return s.url !== data.url && s.url.indexOf("#") > 0; }).slice(0, 3).forEach(function (s) {
        var item = document.createElement("li");
        var a = document.createElement("a");
        a.href = s.url;
        a.textContent = s.title;
        item.appendChild(a);
        sections.appendChild(item);
      });
      if (!sections.children.length) { sections.remove(); }
      return node;
    });
  }

  function showMore() {
    var next = current.filtered.slice(current.shown, current.shown + PAGE_SIZE);
    current.shown += next.length;
    return Promise.all(next.map(renderResult)).then(function (nodes) {
      nodes.forEach(function (n) { list.appendChild(n); });
      // Shown once the results are in: a button shown first would be pushed down by them (layout shift).
      more.hidden = current.shown >= current.filtered.length;
    });
  }

  function show() {
    var kind = chosenKind();
    var counts = {};
    current.ranked.pages.forEach(function (p) { var k = kinds.get(p.id) || "Sivu"; counts[k] = (counts[k] || 0) + 1; });
    form.querySelectorAll("[data-pk-count]").forEach(function (span) {
      var input = span.parentNode.querySelector("input");
      var name = input.getAttribute("data-pk-kind");
      span.textContent = "(" + (name ? counts[name] || 0 : current.ranked.pages.length) + ")";
    });
    current.filtered = current.ranked.pages.filter(function (p) { return !kind || (kinds.get(p.id) || "Sivu") === kind; });
    current.shown = 0;
    list.replaceChildren();
    var notes = [];
    if (current.slots.some(function (s) { return s.corrected; })) {
      var fixed = current.slots.map(function (s) { return s.word; }).join(" ");
      notes.push(message("suggestion", function (n) {
        var a = n.querySelector("[data-pk-suggestion]");
        a.textContent = fixed;
        a.href = "?" + new URLSearchParams({ q: fixed }).toString();
      }));
    }
    if (!current.ranked.pages.length) {
      notes.push(message("none"));
    } else {
      if (!current.ranked.complete) {
        var words = unique(current.ranked.pages.slice(0, 5).reduce(function (all, p) { return all.concat(p.matched.map(function (s) { return s.word; })); }, []));
        notes.push(message("relaxed", function (n) { n.querySelector("[data-pk-words]").textContent = words.join(", "); }));
      }
      notes.push(message(current.filtered.length ? "count" : "kind-empty", function (n) {
        var number = n.querySelector("[data-pk-number]");
        if (number) {
          number.textContent = current.filtered.length;
          n.querySelector("[data-pk-query]").textContent = current.query;
        }
      }));
    }
    say(notes);
    return showMore();
  }

  function run(query) {
    var words = query.toLowerCase().match(/[\p{L}]+(?:-[\p{L}]+)*/gu) || [];
    if (!words.length) { say([]); list.replaceChildren(); return Promise.resolve(); }
    root.setAttribute("aria-busy", "true");
    // The words are read from the vocabulary while Pagefind is still loading: on a phone the two
    // are the page's longest waits, and neither needs the other.
    return Promise.all([Promise.all(words.map(readWord)).then(withPhrases), ready]).then(function (read) {
      var slots = read[0];
      return rankStaged(slots).then(function (ranked) { return gatherersFirst(ranked, slots); }).then(function (ranked) {
        current = { query: query, slots: slots, ranked: ranked };
        root.pkSearch = current; // for the evaluation benchmark and the tests
        return show();
      });
    }).finally(function () { root.removeAttribute("aria-busy"); });
  }

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    field.value = params.get("q") || "";
    var kind = form.querySelector('input[name=tyyppi][value="' + (params.get("tyyppi") || "").replace(/[^a-z]/g, "") + '"]');
    (kind || form.querySelector("input[name=tyyppi]")).checked = true;
    return run(field.value);
  }

  function writeAddress(push) {
    var params = new URLSearchParams();
    if (field.value.trim()) { params.set("q", field.value.trim()); }
    var checked = form.querySelector("input[name=tyyppi]:checked");
    if (checked && checked.value) { params.set("tyyppi", checked.value); }
    var address = window.location.pathname + (params.toString() ? "?" + params.toString() : "");
    window.history[push ? "pushState" : "replaceState"](null, "", address);
  }

  // Pagefind searches in its web worker (one more file, 12 KB): unpacking the index and the results
  // there leaves the page free to answer a tap, which on a slow phone it otherwise was not for a
  // quarter of a second (Lighthouse's total blocking time 160-240 ms -> 0-30 ms on this page).
  var ready = import(siteRoot + "pagefind/pagefind.js").then(function (module) {
    pagefind = module;
    return pagefind.options({ baseUrl: new URL(siteRoot).pathname, ranking: { termSimilarity: TERM_SIMILARITY } }).then(function () { return pagefind.init(); });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    writeAddress(true);
    run(field.value);
  });
  form.querySelectorAll("input[name=tyyppi]").forEach(function (input) {
    input.addEventListener("change", function () {
      writeAddress(false);
      if (current) { show(); }
    });
  });
  more.addEventListener("click", function () { showMore(); });
  window.addEventListener("popstate", readAddress);
  readAddress();
})();
