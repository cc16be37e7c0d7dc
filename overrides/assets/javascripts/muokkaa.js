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

// The form's own viewport tag forbids zooming (maximum-scale=1); people who need larger text must be
// able to zoom (WCAG 1.4.4). The form sets the tag once, so taking that part out keeps zoom on.
new MutationObserver(function () {
  document.querySelectorAll('meta[name="viewport"]').forEach(function (meta) {
    var content = meta.getAttribute('content') || '';
    if (content.indexOf('maximum-scale') !== -1) {
      meta.setAttribute('content', content.replace(/,?\s*maximum-scale=[^,]*/, ''));
    }
  });
}).observe(document.head, {childList: true, subtree: true, attributes: true, attributeFilter: ['content']});
