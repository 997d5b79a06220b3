/** The part of the page the painter paints: the viewport and a screen above and below. */
export interface Band {
  top: number;
  bottom: number;
}

export interface Box {
  top: number;
  bottom: number;
}

/** What the viewport painter needs from the window (a fake one in unit tests). */
export interface Viewport {
  band(): Band;
  /** Where an element is, in viewport coordinates (a read: no layout is changed). */
  rect(el: Element): Box;
  requestFrame(run: () => void): void;
  /** An observer that calls `signal` when an observed element crosses the band. */
  createObserver(signal: () => void): IntersectionObserver;
  /**
   * Calls `changed` on every scroll, of the page or any inner container (a resize moves the
   * band's edges over the observed elements: the observer signals it).
   */
  onChange(changed: () => void): void;
}

/** The real window's viewport; listeners end with `signal`. */
export function browserViewport(win: Window, signal: AbortSignal): Viewport {
  return {
    band: () => {
      const h = win.innerHeight;
      return { top: -h, bottom: 2 * h };
    },
    rect: (el) => el.getBoundingClientRect(),
    requestFrame: (run) => void win.requestAnimationFrame(run),
    createObserver: (signal) =>
      // Same band as band(): a screen above and below, so scrolling shows decorated numbers.
      new IntersectionObserver(() => signal(), { rootMargin: '100% 0px' }),
    onChange: (changed) => {
      // Scroll events of inner containers do not bubble, but the capture phase sees them.
      win.addEventListener('scroll', changed, { capture: true, passive: true, signal });
    },
  };
}
