import type { Painter } from './decorations.ts';
import { paintable } from './phone-hit.ts';

/** Name of the CSS custom highlight that underlines detected numbers. */
export const HIGHLIGHT_NAME = 'gws-cti-phone';

/** Same rule as entrypoints/crm.content/highlight.css, for shadow roots. */
const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) {
  text-decoration: underline dotted #1d4ed8;
  background-color: rgb(37 99 235 / 0.07);
}`;

export interface HighlightPainter extends Painter {
  /** Adds the highlight's style to a document or a shadow root (styles do not cross them). */
  attachStyles(root: Document | ShadowRoot): void;
  /** Removes the highlight and every style it added. */
  dispose(): void;
}

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): unknown;
  clear(): void;
  size: number;
}

interface HighlightGlobals {
  Highlight?: new () => HighlightLike;
  CSS?: { highlights?: Map<string, HighlightLike> };
  CSSStyleSheet: typeof CSSStyleSheet;
}

/**
 * Decorations painted by the browser with the CSS Custom Highlight API: the page's DOM and
 * text nodes stay exactly as they were (no wrapper elements a React or Angular app could trip
 * over), and the underline follows the text through scrolling, reflow and inner scroll
 * containers at no cost to us, which absolutely positioned overlays cannot do without
 * re-measuring on every change. Interaction is a separate layer (one hit target placed on
 * hover). Undefined where the API is missing (the hover layer still works there).
 */
export function createHighlightPainter(win: Window): HighlightPainter | undefined {
  const g = win as unknown as HighlightGlobals;
  const registry = g.CSS?.highlights;
  if (typeof g.Highlight !== 'function' || !registry) return undefined;
  let highlight: HighlightLike;
  try {
    highlight = new g.Highlight();
    registry.set(HIGHLIGHT_NAME, highlight);
  } catch {
    return undefined;
  }
  const cleanups: Array<() => void> = [];
  const styled = new WeakSet<Document | ShadowRoot>();
  let sheet: CSSStyleSheet | undefined;

  const attachStyles = (root: Document | ShadowRoot) => {
    if (styled.has(root)) return;
    styled.add(root);
    try {
      sheet ??= (() => {
        const s = new g.CSSStyleSheet();
        s.replaceSync(HIGHLIGHT_CSS);
        return s;
      })();
      const own = sheet;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, own];
      cleanups.push(() => {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== own);
      });
    } catch {
      // Constructed sheets from an isolated world are refused by some engines: a plain
      // <style> does the same job.
      const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
      const style = doc.createElement('style');
      style.textContent = HIGHLIGHT_CSS;
      (root.nodeType === 9 ? (doc.head ?? doc.documentElement) : root).append(style);
      cleanups.push(() => style.remove());
    }
  };

  return {
    add: (range) => void highlight.add(paintable(range)),
    // Only what was added is deleted: a HitRange's range was made then.
    delete: (range) => void highlight.delete(paintable(range)),
    clear: () => highlight.clear(),
    attachStyles,
    dispose() {
      highlight.clear();
      if (registry.get(HIGHLIGHT_NAME) === highlight) registry.delete(HIGHLIGHT_NAME);
      for (const cleanup of cleanups.splice(0)) {
        try {
          cleanup();
        } catch {
          // The root may be gone already; nothing left to undo there.
        }
      }
    },
  };
}

/** A painter that shows nothing (the API is missing): hits still work on hover. */
export const NO_PAINTER: HighlightPainter = {
  add: () => {},
  delete: () => {},
  clear: () => {},
  attachStyles: () => {},
  dispose: () => {},
};
