// The editors' form (muokkaa/) speaks Finnish unless the editor has chosen another language in its
// settings: Sveltia CMS reads its language from this preference before it falls back on the browser's.
(function () {
  var key = 'sveltia-cms.prefs';
  try {
    var prefs = JSON.parse(localStorage.getItem(key) || '{}') || {};
    if (!prefs.locale) {
      prefs.locale = 'fi';
      localStorage.setItem(key, JSON.stringify(prefs));
    }
  } catch (error) {
    // Storage refused (a private window): the browser's own language decides.
  }
})();
