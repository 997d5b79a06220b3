export interface Box {
  top: number;
  bottom: number;
}

/** What the viewport painter needs from the window (a fake one in unit tests). */
export interface Viewport {
  /** The viewport's height: the painter paints it and a screen above and below. */
  height(): number;
  /** Where an element is, in viewport coordinates (a read: no layout is changed). */
  rect(el: Element): Box;
  requestFrame(run: () => void): void;
  /** An observer that reports the observed elements that crossed the band (or were added). */
  createObserver(report: (targets: Element[]) => void): IntersectionObserver;
}

/** The real window's viewport. */
export function browserViewport(win: Window): Viewport {
  return {
    height: () => win.innerHeight,
    rect: (el) => el.getBoundingClientRect(),
    requestFrame: (run) => void win.requestAnimationFrame(run),
    createObserver: (report) =>
      // A screen above and below, as the painter paints, so scrolling shows decorated numbers.
      new IntersectionObserver((entries) => report(entries.map((e) => e.target)), {
        rootMargin: '100% 0px',
      }),
  };
}
