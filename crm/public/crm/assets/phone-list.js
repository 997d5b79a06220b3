/* global document, window */
// Print view of the key accounts' numbers; the page opts out of phone-number detection.
'use strict';

(function () {
  const { h } = window.NW;
  const data = window.NW_DATA || { contacts: [], phoneListSize: 0 };
  const contacts = data.contacts.slice(0, data.phoneListSize);
  const tbody = document.querySelector('#phone-list tbody');
  for (const c of contacts) {
    tbody.append(
      h('tr', {}, [
        h('td', { text: c.name }),
        h('td', { text: c.company }),
        h('td', { class: 'num', text: c.phone.text }),
        h('td', { class: 'num', text: c.mobile ? c.mobile.text : '' }),
      ]),
    );
  }
  document.getElementById('print-button').addEventListener('click', () => window.print());
})();
