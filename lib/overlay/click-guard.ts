/**
 * Whether a trusted click on the overlay's UI is one the user could see: a hostile page can
 * lay a see-through top-layer element with `pointer-events: none` over our hit target (a
 * fake cookie banner), or slip the target under the pointer just before a click.
 *
 * - Chromium: IntersectionObserver v2 (`trackVisibility`) tells, at most every 100 ms,
 *   whether each of our elements is unobscured and unfaded on screen; a pointer click counts
 *   only when its element has been so for MIN_VISIBLE_MS.
 * - Firefox has no v2. The strongest it allows is checked at the click: nothing from the
 *   top layer (modal dialog, open popover, fullscreen element) or placed after our host over
 *   the click point, the host first at that point (`elementsFromPoint`), nothing faded or
 *   hidden between the host and the root; plus the same minimum time since the element was
 *   drawn. An element with `pointer-events: none` is invisible to hit-testing, which is why
 *   the top-layer and later-sibling checks look at boxes instead.
 */
export interface ClickGuard {
  /** The overlay's clickable elements now (hit targets and the card). */
  track(elements: Iterable<Element>): void;
  /** Whether a trusted activation `event` on `el` (one of the tracked elements) may act. */
  allows(el: Element, event: Event): boolean;
  /** Whether a pointer click on `el` would count now as far as time on screen goes (tests). */
  seenLongEnough(el: Element): boolean;
  readonly kind: 'intersection-observer-v2' | 'hit-test';
}

/** How long a target must have been on screen, unobscured, before a pointer click counts. */
export const MIN_VISIBLE_MS = 300;
/** IntersectionObserver v2's own minimum between notifications. */
const VISIBILITY_DELAY_MS = 100;

interface Seen {
  /** performance.now() since when the element is known to be visible; undefined: it is not. */
  visibleSince: number | undefined;
}

/** A pointer click carries its position; Enter or Space on a focused button does not. */
function pointerPoint(event: Event): { x: number; y: number } | undefined {
  const e = event as MouseEvent;
  return typeof e.detail === 'number' && e.detail > 0 ? { x: e.clientX, y: e.clientY } : undefined;
}

function centre(el: Element): { x: number; y: number } {
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

function covers(el: Element, x: number, y: number): boolean {
  const r = el.getBoundingClientRect();
  return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
}

/** Whether anything of the page can be painted over `host` at (x, y), or fades it. */
function coveredAt(host: Element, x: number, y: number): boolean {
  const doc = host.ownerDocument;
  const win = doc.defaultView!;
  let topLayer: Element[] = [];
  try {
    topLayer = [...doc.querySelectorAll(':modal, :popover-open')];
  } catch {
    // An engine without one of these selectors: the other checks still run.
  }
  if (doc.fullscreenElement) topLayer.push(doc.fullscreenElement);
  if (topLayer.some((el) => covers(el, x, y))) return true;
  // At the same z-index, what comes after our host in the document is painted over it.
  for (let el = host.nextElementSibling; el; el = el.nextElementSibling) {
    if (covers(el, x, y)) return true;
  }
  if (doc.elementsFromPoint(x, y)[0] !== host) return true;
  for (let el: Element | null = host; el; el = el.parentElement) {
    const style = win.getComputedStyle(el);
    if (Number(style.opacity) < 1 || style.visibility !== 'visible') return true;
    if (style.filter !== 'none' && style.filter !== '') return true;
  }
  return false;
}

export function supportsVisibilityTracking(win: Window & typeof globalThis): boolean {
  return (
    typeof win.IntersectionObserverEntry === 'function' &&
    'isVisible' in win.IntersectionObserverEntry.prototype
  );
}

/** The guard for the overlay whose closed shadow root hangs on `host()`. */
export function createClickGuard(
  win: Window & typeof globalThis,
  host: () => Element | null,
): ClickGuard {
  const seen = new WeakMap<Element, Seen>();
  let tracked = new Set<Element>();
  const now = () => win.performance.now();
  const seenLongEnough = (el: Element) => {
    const since = seen.get(el)?.visibleSince;
    return since !== undefined && now() - since >= MIN_VISIBLE_MS;
  };

  if (supportsVisibilityTracking(win)) {
    const observer = new win.IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const state = seen.get(entry.target);
          if (!state) continue;
          const visible = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible;
          // entry.time: when the browser found it so, which may be well before this callback
          // runs on a busy page.
          if (!visible) state.visibleSince = undefined;
          else state.visibleSince ??= entry.time;
        }
      },
      { trackVisibility: true, delay: VISIBILITY_DELAY_MS } as IntersectionObserverInit,
    );
    return {
      kind: 'intersection-observer-v2',
      track(elements) {
        const next = new Set(elements);
        for (const el of tracked) if (!next.has(el)) observer.unobserve(el);
        for (const el of next) {
          if (tracked.has(el)) continue;
          seen.set(el, { visibleSince: undefined });
          observer.observe(el);
        }
        tracked = next;
      },
      allows(el, event) {
        const state = seen.get(el);
        const ours = host();
        if (!state || !ours) return false;
        // The keyboard reached this element itself (a page cannot focus into our closed
        // shadow root, nor make the user's keys reach it): unobscured now is enough, checked
        // at once, as the observer may not have spoken about a target drawn a moment ago.
        if (!pointerPoint(event)) return !coveredAt(ours, centre(el).x, centre(el).y);
        return seenLongEnough(el);
      },
      seenLongEnough,
    };
  }

  return {
    kind: 'hit-test',
    track(elements) {
      const next = new Set(elements);
      for (const el of next) {
        if (!tracked.has(el)) seen.set(el, { visibleSince: now() });
      }
      tracked = next;
    },
    allows(el, event) {
      const ours = host();
      const since = seen.get(el)?.visibleSince;
      if (!ours || since === undefined) return false;
      const point = pointerPoint(event);
      if (point && !seenLongEnough(el)) return false;
      const { x, y } = point ?? centre(el);
      return !coveredAt(ours, x, y);
    },
    seenLongEnough,
  };
}
