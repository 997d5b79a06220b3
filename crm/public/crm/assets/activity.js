/* global document, window, location, history */
// Activity feed that behaves like a single-page app: rows arrive after a delay, more rows on
// "Load more", and the tabs switch with history.pushState (no page reload).
'use strict';

(function () {
  const { h, telHref, slug } = window.NW;
  const tbody = document.querySelector('#activity-table tbody');
  const status = document.getElementById('activity-status');
  const more = document.getElementById('load-more');
  const tabs = [...document.querySelectorAll('.tabs a[data-tab]')];
  const PAGE_SIZE = 25;

  // ?delay=<ms> lets tests and demos choose how late rows arrive (0 to 10 s, default 700 ms).
  const requested = Number(new URLSearchParams(location.search).get('delay'));
  const delayMs = Number.isFinite(requested) && requested >= 0 ? Math.min(requested, 10000) : 700;

  let generation = 0;
  let nextOffset = 0;
  let currentTab = 'all';

  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function tabFromPath(pathname) {
    const m = /^\/crm\/activity(?:\/(calls|tickets))?\/?$/.exec(pathname);
    return m && m[1] ? m[1] : 'all';
  }

  function row(item) {
    const detail = typeof item.detail === 'string' ? item.detail : item.detail.text;
    return h('tr', { dataset: { activityId: item.id } }, [
      h('td', { class: 'num', text: item.at.text }),
      h('td', {}, [h('span', { class: 'badge ' + slug(item.kind), text: item.kind })]),
      h('td', {}, [
        h('a', {
          href: '/crm/contacts/' + encodeURIComponent(item.contactId),
          text: item.contactName,
        }),
      ]),
      h('td', { class: 'num', text: item.number.text }),
      h('td', { class: 'wrap', text: item.summary }),
      h('td', { text: item.reference.text }),
      h('td', {}, ['Ext. ', h('a', { href: telHref(item.agent), text: item.agent.text })]),
      h('td', { class: 'num', text: detail }),
    ]);
  }

  async function loadPage(gen, pause) {
    more.disabled = true;
    status.textContent = nextOffset === 0 ? 'Loading activity' : 'Loading more';
    status.classList.remove('is-hidden');
    await wait(pause);
    const url =
      '/crm/api/activity?tab=' + currentTab + '&offset=' + nextOffset + '&limit=' + PAGE_SIZE;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const page = await response.json();
      if (gen !== generation) return; // the user switched tabs meanwhile
      for (const item of page.items) tbody.append(row(item));
      nextOffset = page.nextOffset;
      more.classList.toggle('is-hidden', nextOffset === null);
      more.disabled = false;
      status.textContent = '';
      status.classList.add('is-hidden');
      document.body.dataset.activityRows = String(tbody.rows.length);
    } catch (error) {
      if (gen !== generation) return;
      status.textContent = 'Could not load activity: ' + error.message;
      more.disabled = false;
    }
  }

  function show(tab) {
    generation++;
    currentTab = tab;
    nextOffset = 0;
    tbody.replaceChildren();
    more.classList.add('is-hidden');
    for (const link of tabs) link.setAttribute('aria-selected', String(link.dataset.tab === tab));
    document.title =
      (tab === 'all' ? 'Activity' : tab[0].toUpperCase() + tab.slice(1)) +
      ' · Northwind Support CRM';
    void loadPage(generation, delayMs);
  }

  for (const link of tabs) {
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      if (link.dataset.tab === currentTab) return;
      history.pushState({ tab: link.dataset.tab }, '', link.getAttribute('href') + location.search);
      show(link.dataset.tab);
    });
  }
  window.addEventListener('popstate', () => show(tabFromPath(location.pathname)));
  more.addEventListener('click', () => void loadPage(generation, Math.round(delayMs / 2)));

  show(tabFromPath(location.pathname));
})();
