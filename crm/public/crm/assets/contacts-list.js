/* global document, window, location */
// Contacts list: rows are built synchronously from /crm/data/contacts.js while the page parses,
// so they are all in the DOM before DOMContentLoaded (like a server-rendered list).
'use strict';

(function () {
  const { h, slug } = window.NW;
  const contacts = (window.NW_DATA && window.NW_DATA.contacts) || [];
  const tbody = document.querySelector('#contacts-table tbody');
  const count = document.getElementById('contact-count');
  const filter = document.getElementById('contact-filter');
  const country = document.getElementById('country-filter');

  const rows = contacts.map((c) => {
    const row = h('tr', { dataset: { contactId: c.id, region: c.region } }, [
      h('td', {}, [h('a', { href: '/crm/contacts/' + encodeURIComponent(c.id), text: c.name })]),
      h('td', { text: c.company }),
      h('td', { class: 'num', text: c.phone.text }),
      h('td', { class: 'num', text: c.mobile ? c.mobile.text : '' }),
      h('td', { text: c.country }),
      h('td', { text: c.postcode }),
      h('td', { class: 'num', text: c.lastContact }),
      h('td', { text: c.invoice }),
      h('td', { class: 'num', text: c.balance }),
      h('td', { text: c.reference }),
      h('td', {}, [h('span', { class: 'badge ' + slug(c.status), text: c.status })]),
    ]);
    row.dataset.search = [c.name, c.company, c.city, c.country].join(' ').toLowerCase();
    tbody.append(row);
    return row;
  });

  const countries = [...new Set(contacts.map((c) => c.country))].sort();
  for (const name of countries) country.append(h('option', { value: name, text: name }));

  function apply() {
    const needle = filter.value.trim().toLowerCase();
    const wanted = country.value;
    let shown = 0;
    rows.forEach((row, i) => {
      const c = contacts[i];
      const visible =
        (!needle || row.dataset.search.includes(needle)) && (!wanted || c.country === wanted);
      row.classList.toggle('is-hidden', !visible);
      if (visible) shown++;
    });
    count.textContent =
      shown === contacts.length
        ? contacts.length + ' contacts'
        : 'Showing ' + shown + ' of ' + contacts.length + ' contacts';
  }

  // The header search box submits ?q=…; show it in the filter (as a value, never as markup).
  const q = new URLSearchParams(location.search).get('q');
  if (q) filter.value = q;
  filter.addEventListener('input', apply);
  country.addEventListener('change', apply);
  apply();
})();
