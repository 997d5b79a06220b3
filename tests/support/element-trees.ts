/**
 * Overlay fixtures built from element trees (a page's HTML is never parsed in the unit tests):
 * `['tr', {}, ['td', {}, 'text']]`, text nodes as strings.
 */
export type Tree = string | [tag: string, attrs: Record<string, string>, ...children: Tree[]];

/** Builds the trees into a fresh host element, the body's only child. */
export function build(...trees: Tree[]): HTMLElement {
  const make = (t: Tree): Node => {
    if (typeof t === 'string') return document.createTextNode(t);
    const [tag, attrs, ...children] = t;
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.append(...children.map(make));
    return el;
  };
  const host = document.createElement('div');
  host.append(...trees.map(make));
  document.body.replaceChildren(host);
  return host;
}

/** A table row of one cell per entry. */
export const row = (...cells: Tree[]): Tree => ['tr', {}, ...cells.map((c): Tree => ['td', {}, c])];
