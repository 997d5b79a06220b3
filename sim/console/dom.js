// DOM helpers of the console: values only ever become text, attributes or form values.

export const $ = (selector, root) => (root || document).querySelector(selector);
export const $$ = (selector, root) => [...(root || document).querySelectorAll(selector)];

export function h(tag, props, children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of [].concat(children === undefined ? [] : children)) {
    if (child !== null && child !== undefined) el.append(child);
  }
  return el;
}

export const show = (value) =>
  value === undefined || value === null || value === '' ? '–' : String(value);
export const compact = (value) => (value === undefined ? '' : JSON.stringify(value));

// ---- keyed list rendering (keeps buttons alive across refreshes) ---------------------------

export function sync(container, items, keyOf, create, update) {
  const existing = new Map();
  for (const el of container.children) existing.set(el.dataset.key, el);
  let previous = null;
  for (const item of items) {
    const key = String(keyOf(item));
    let el = existing.get(key);
    if (el) existing.delete(key);
    else {
      el = create(item);
      el.dataset.key = key;
    }
    update(el, item);
    const wanted = previous ? previous.nextSibling : container.firstChild;
    if (el !== wanted) container.insertBefore(el, wanted);
    previous = el;
  }
  for (const el of existing.values()) el.remove();
}

export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}
