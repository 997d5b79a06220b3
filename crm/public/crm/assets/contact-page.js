/* global document, window, location */
// One contact, addressed by id (/crm/contacts/1001) or by phone number for screen-pop
// (/crm/contacts?phone=<any format>). The searched number is only ever shown as text.
'use strict';

(function () {
  const { h, telHref, slug } = window.NW;
  const root = document.getElementById('contact-root');

  function show(...nodes) {
    root.replaceChildren(...nodes);
  }

  function field(label, value) {
    return [h('dt', { text: label }), h('dd', {}, value)];
  }

  function phoneLink(sample, scheme) {
    return h('a', { href: telHref(sample, scheme), text: sample.text });
  }

  function readonlyPhone(id, label, sample, type) {
    return h('div', { class: 'form-row' }, [
      h('label', { for: id, text: label }),
      h('input', { id, type, readonly: true, value: sample.text }),
    ]);
  }

  function renderContact(c) {
    const name = c.firstName + ' ' + c.lastName;
    document.title = name + ' · Northwind Support CRM';
    const onFile = [readonlyPhone('phone-on-file', 'Work phone', c.phone, 'tel')];
    if (c.mobile) onFile.push(readonlyPhone('mobile-on-file', 'Mobile / other', c.mobile, 'text'));

    const saved = h('span', { class: 'hint', 'aria-live': 'polite' });
    const logForm = h('form', { id: 'log-call' }, [
      h('div', { class: 'form-row' }, [
        h('label', { for: 'log-number', text: 'Number called' }),
        h('input', { id: 'log-number', type: 'tel', name: 'number', value: c.phone.text }),
      ]),
      h('div', { class: 'form-row' }, [
        h('label', { id: 'summary-label', text: 'Call summary' }),
        h('div', {
          class: 'editable-box',
          contenteditable: 'true',
          'aria-labelledby': 'summary-label',
          text: 'Spoke with ' + c.firstName + '; follow up on ' + c.phone.text + '.',
        }),
      ]),
      h('button', { type: 'submit', class: 'btn primary', text: 'Log call' }),
      ' ',
      saved,
    ]);
    logForm.addEventListener('submit', (event) => {
      event.preventDefault();
      saved.textContent = 'Logged (demo only, nothing was sent).';
    });

    show(
      h('div', { class: 'page-head' }, [
        h('div', {}, [
          h('h1', { text: name }),
          h('p', { class: 'sub', text: c.title + ' · ' + c.company }),
        ]),
        h('span', { class: 'badge ' + slug(c.status), text: c.status }),
      ]),
      h('div', { class: 'grid-2' }, [
        h('section', { class: 'card' }, [
          h('h2', { text: 'Contact details' }),
          h('dl', { class: 'fields' }, [
            ...field('Work phone', phoneLink(c.phone, 'tel')),
            ...field('Mobile / other', c.mobile ? phoneLink(c.mobile, 'callto') : '—'),
            ...field('E-mail', h('a', { href: 'mailto:' + c.email, text: c.email })),
            ...field('Address', c.city + ' ' + c.postcode.text + ', ' + c.country),
            ...field('Customer since', c.customerSince.text),
            ...field('Last contact', c.lastContact.text),
          ]),
        ]),
        h('section', { class: 'card' }, [h('h2', { text: 'Phone on file' }), ...onFile]),
      ]),
      h('div', { class: 'grid' }, [
        h('section', { class: 'card' }, [
          h('h2', { text: 'Billing' }),
          h('dl', { class: 'fields' }, [
            ...field('Last invoice', c.invoice.text),
            ...field('Open balance', c.balance.text),
            ...field('Reference', c.reference.text),
          ]),
        ]),
        h('section', { class: 'card opt-out', 'data-cti-ignore': true }, [
          h('h2', { text: 'Payment details' }),
          h('p', {
            class: 'hint',
            text: 'Hidden from click-to-dial on purpose (data-cti-ignore).',
          }),
          h('dl', { class: 'fields' }, [
            ...field('Bank account', c.bankAccount.text),
            ...field('Verification call-back', c.notesPhone.text),
          ]),
        ]),
        h('section', { class: 'card' }, [
          h('h2', { text: 'Notes' }),
          h('textarea', { id: 'contact-notes', 'aria-label': 'Notes', text: c.notes }),
          h('h2', { text: 'Log a call', style: 'margin-top: 14px' }),
          logForm,
        ]),
      ]),
    );
  }

  function renderNotFound(query) {
    document.title = 'No contact found · Northwind Support CRM';
    show(
      h('div', { class: 'card empty-state' }, [
        h(
          'p',
          { class: 'big' },
          query
            ? [
                'No contact found for ',
                h('span', { id: 'searched-number', text: query }),
                ' — create?',
              ]
            : ['New contact'],
        ),
        h('form', { id: 'create-contact', class: 'toolbar', style: 'justify-content: center' }, [
          h('input', {
            type: 'text',
            name: 'name',
            placeholder: 'Full name',
            'aria-label': 'Full name',
          }),
          h('input', { type: 'tel', name: 'phone', value: query, 'aria-label': 'Phone number' }),
          h('button', { type: 'submit', class: 'btn primary', text: 'Create contact' }),
        ]),
        h('p', { class: 'hint', id: 'create-status', 'aria-live': 'polite' }),
      ]),
    );
    document.getElementById('create-contact').addEventListener('submit', (event) => {
      event.preventDefault();
      document.getElementById('create-status').textContent = 'Demo CRM: contacts are read-only.';
    });
  }

  function renderError(message) {
    show(h('div', { class: 'card empty-state' }, [h('p', { class: 'big', text: message })]));
  }

  async function load() {
    const idMatch = /^\/crm\/contacts\/([^/]+)$/.exec(location.pathname);
    const query = new URLSearchParams(location.search).get('phone');
    let url;
    if (idMatch) url = '/crm/api/contacts/' + idMatch[1];
    else if (query !== null && query.trim() !== '')
      url = '/crm/api/lookup?phone=' + encodeURIComponent(query);
    else return renderNotFound(query || '');
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (response.status === 404) return renderError('This contact does not exist.');
      if (!response.ok)
        return renderError('Could not load the contact (HTTP ' + response.status + ').');
      const body = await response.json();
      if (body.contact) renderContact(body.contact);
      else renderNotFound(query);
    } catch (error) {
      renderError(
        'Could not reach the CRM: ' + String(error && error.message ? error.message : error),
      );
    }
  }

  void load();
})();
