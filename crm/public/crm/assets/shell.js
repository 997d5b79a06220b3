/* global document, window */
// Shared page helpers. Every value reaches the DOM as text (textContent / attributes), never as
// markup, so hostile data or query strings stay inert.
'use strict';

(function () {
  /**
   * Creates an element. props: class, text, value, dataset, on<event>, or any attribute.
   * children: nodes or strings (strings become text nodes).
   */
  function h(tag, props, children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'text') el.textContent = value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of [].concat(children === undefined ? [] : children)) {
      if (child !== null && child !== undefined) el.append(child);
    }
    return el;
  }

  /** tel: URI for a phone sample from the CRM data (E.164 plus ;ext=, or the internal DN). */
  function telHref(sample, scheme) {
    const target = sample.e164 || sample.dn || '';
    const ext = sample.ext ? ';ext=' + sample.ext : '';
    return (scheme || 'tel') + ':' + target + ext;
  }

  function slug(text) {
    return String(text)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
  }

  function markCurrentNav() {
    const page = document.body.dataset.page;
    for (const link of document.querySelectorAll('.sidebar a[data-nav]')) {
      if (link.dataset.nav === page) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  markCurrentNav();
  window.NW = { h, telHref, slug, markCurrentNav };
})();
