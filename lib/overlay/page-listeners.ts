import { matchesShortcut, type KeyCombo } from '../settings/numbers-shortcut.ts';

/** What the interaction layer hears from the page: the user's own input only. */
export interface PageInput {
  /** The pointer moved; `over` is what it is over (the innermost node, through open shadows). */
  pointerMoved(x: number, y: number, over: EventTarget | undefined): void;
  /** Scrolling or resizing moved what is shown. */
  viewportMoved(): void;
  /** The numbers shortcut; `from` is what had focus. */
  numbersShortcut(from: EventTarget | undefined): void;
  /** Escape anywhere: a card is closed whatever has focus (the page, or nothing). */
  escape(): void;
  /** A pointer went down somewhere (the overlay's own host when inside it). */
  pointerDown(on: EventTarget | null): void;
  focusIn(el: EventTarget | undefined): void;
  focusOut(to: EventTarget | null): void;
}

/**
 * Listens to the page for the interaction layer, in the capture phase so the page cannot
 * stop the events first, and passes on only events the browser marks as the user's own
 * (`isTrusted`): a page script's synthetic events never move, open or close anything.
 */
export function listenToPage(
  win: Window,
  signal: AbortSignal,
  shortcut: () => KeyCombo,
  input: PageInput,
): void {
  const passive = { capture: true, passive: true, signal };
  const active = { capture: true, signal };
  const trusted =
    <E extends Event>(run: (e: E) => void) =>
    (e: E) => {
      if (e.isTrusted) run(e);
    };
  win.addEventListener(
    'mousemove',
    trusted((e: MouseEvent) => input.pointerMoved(e.clientX, e.clientY, e.composedPath()[0])),
    passive,
  );
  win.addEventListener('scroll', () => input.viewportMoved(), passive);
  win.addEventListener('resize', () => input.viewportMoved(), passive);
  win.addEventListener(
    'pointerdown',
    trusted((e: PointerEvent) => input.pointerDown(e.target)),
    passive,
  );
  win.addEventListener(
    'keydown',
    trusted((e: KeyboardEvent) => {
      if (e.key === 'Escape') input.escape();
      else if (matchesShortcut(e, shortcut())) {
        e.preventDefault();
        e.stopPropagation();
        input.numbersShortcut(e.composedPath()[0]);
      }
    }),
    active,
  );
  win.addEventListener(
    'focusin',
    trusted((e: FocusEvent) => input.focusIn(e.composedPath()[0])),
    active,
  );
  win.addEventListener(
    'focusout',
    trusted((e: FocusEvent) => input.focusOut(e.relatedTarget)),
    active,
  );
}
