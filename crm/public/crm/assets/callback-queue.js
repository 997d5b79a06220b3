/* global customElements, document, HTMLElement */
// <nw-callback-queue>: a third-party style widget that renders inside an open shadow root.
'use strict';

(function () {
  const CALLBACKS = [
    {
      name: 'Laurence Lebihan',
      number: '+33 1 99 00 12 34',
      due: '14:30',
      ticket: 'CASE-00412873',
    },
    { name: 'Patricia McKenna', number: '(02) 5550 1234', due: '15:00', ticket: 'CASE-00412874' },
    { name: 'Jose Pavarotti', number: '(212) 555-0176 x31', due: '15:45', ticket: 'CASE-00412880' },
    { name: 'Elizabeth Lincoln', number: '+16045550143', due: '16:10', ticket: 'CASE-00412891' },
    { name: 'Flora Blume', number: '1-800-FLOWERS', due: '16:30', ticket: 'CASE-00412902' },
  ];

  const STYLE = `
    :host { display: block; font: inherit; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: grid; grid-template-columns: 1fr auto; gap: 2px 12px; padding: 10px 0; border-bottom: 1px solid #e5e7eb; }
    li:last-child { border-bottom: 0; }
    .name { font-weight: 600; }
    .due { color: #b45309; font-weight: 600; text-align: right; }
    .number { font-variant-numeric: tabular-nums; }
    .ticket { color: #6b7280; font-size: 12px; text-align: right; }
  `;

  class CallbackQueue extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = STYLE;
      const list = document.createElement('ul');
      for (const item of CALLBACKS) {
        const li = document.createElement('li');
        for (const [cls, text] of [
          ['name', item.name],
          ['due', item.due],
          ['number', item.number],
          ['ticket', item.ticket],
        ]) {
          const span = document.createElement('span');
          span.className = cls;
          span.textContent = text;
          li.append(span);
        }
        list.append(li);
      }
      root.append(style, list);
    }
  }

  if (!customElements.get('nw-callback-queue'))
    customElements.define('nw-callback-queue', CallbackQueue);
})();
