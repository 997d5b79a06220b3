/**
 * The overlay's own element on the page: a host with a closed shadow root holding the card's
 * styles and its container. Closed: page scripts cannot reach the card (call state, attached
 * data) or its buttons. Written here rather than taken from WXT's shadow-root UI helper, whose
 * anchors, auto-mounting and CSS loading the overlay does not use and every CRM frame would
 * load (~2 kB gzipped).
 */
export interface ShadowUi {
  shadowHost: HTMLElement;
  uiContainer: HTMLElement;
  /** Puts the host (back) at the end of the document element. */
  mount(): void;
  remove(): void;
}

/** Keys typed in the card stay there: the page's own shortcuts do not see them. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'];

export function createShadowUi(
  doc: Document,
  name: string,
  css: string,
  onRemove: (container: HTMLElement) => void,
): ShadowUi {
  const shadowHost = doc.createElement(name);
  const shadow = shadowHost.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  // The page's inherited styles stop at the host.
  style.textContent = `:host{all:initial !important;}\n${css}`;
  const uiContainer = doc.createElement('div');
  shadow.append(style, uiContainer);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation());
  return {
    shadowHost,
    uiContainer,
    mount: () => doc.documentElement.append(shadowHost),
    remove: () => {
      onRemove(uiContainer);
      shadowHost.remove();
    },
  };
}
