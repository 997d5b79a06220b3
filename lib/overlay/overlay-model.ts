import type { Box, NumberTarget } from './number-target.ts';
import type { PageLookup, PageNumberInfo, PageOperation } from '../messaging/page-messages.ts';

/** What the overlay UI shows: one number's hit target and, when open, its card. */
export interface OverlayModel {
  /** What the number is on the page: text, a tel:/callto: link, or a read-only input. */
  kind: 'text' | 'link' | 'input';
  number: string;
  raw: string;
  extension?: string;
  /** Hit-target rectangles, viewport coordinates. */
  boxes: Box[];
  /** Where the card goes (viewport coordinates). */
  cardAt: { left: number; top?: number; bottom?: number };
  open: boolean;
  /** A click asked to dial: the card shows Call / Cancel. */
  confirming: boolean;
  /** A `tel:`/`callto:` link whose visible text does not show the digits it dials. */
  linkHidesNumber?: boolean;
  /**
   * The hit target takes keyboard focus each time this grows (keyboard navigation, and after
   * an action on the card: the button pressed may be gone); 0: it is not focused.
   */
  focusRequest: number;
  info?: PageNumberInfo;
  live?: PageLookup;
  status?: { kind: 'busy' | 'done' | 'error'; text: string };
  /** Epoch ms of this render (durations, local time). */
  now: number;
}

/**
 * What the UI reports. Each takes the DOM event that caused it: the overlay acts only on
 * events the browser marks as the user's own (`isTrusted`), so a page script that gets hold
 * of an element or dispatches synthetic events cannot dial or control a call.
 */
export interface OverlayActions {
  /**
   * Click or Enter on the number's hit target. Every action checks the event and the element
   * it reached (`currentTarget`): see interaction.ts and click-guard.ts.
   */
  activate(event: Event): void;
  confirm(event: Event): void;
  cancel(event: Event): void;
  operate(event: Event, callId: string, operation: PageOperation): void;
  /** The pointer entered (true) or left (false) the overlay UI. */
  pointer(event: Event, inside: boolean): void;
  /** Arrow keys inside the overlay: the next or previous number on the page. */
  navigate(event: Event, step: 1 | -1): void;
  /** Escape: close, and give focus back to the page. */
  dismiss(event: Event): void;
}

export type RenderOverlay = (model: OverlayModel | undefined, actions: OverlayActions) => void;

/** The card's fixed outer height (overlay-styles.ts) and a margin. */
const CARD_SPACE_BELOW = 284;
const CARD_WIDTH = 320;
/**
 * Between the number and the card: nothing of one may paint over the other, or the browser's
 * visibility check would call it covered (click-guard.ts).
 */
const CARD_GAP = 6;

/** Card placement: below the number, or above it when the viewport has no room below. */
export function cardPlacement(
  boxes: Box[],
  viewport: { width: number; height: number },
): OverlayModel['cardAt'] {
  const first = boxes[0];
  const last = boxes[boxes.length - 1];
  if (!first || !last) return { left: 8, top: 8 };
  const left = Math.max(4, Math.min(first.left, viewport.width - CARD_WIDTH - 4));
  const below = last.top + last.height + CARD_GAP;
  if (below + CARD_SPACE_BELOW <= viewport.height || first.top < CARD_SPACE_BELOW) {
    return { left, top: below };
  }
  return { left, bottom: viewport.height - first.top + CARD_GAP };
}

/** A number just reached: its card opens at once unless the pointer got there. */
export function newModel(
  target: NumberTarget,
  boxes: Box[],
  cardAt: OverlayModel['cardAt'],
  source: 'pointer' | 'focus' | 'keyboard',
): OverlayModel {
  return {
    kind: target.input ? 'input' : (target.hit?.kind ?? 'text'),
    number: target.number,
    raw: target.raw,
    ...(target.extension ? { extension: target.extension } : {}),
    boxes,
    cardAt,
    open: source !== 'pointer',
    confirming: false,
    focusRequest: source === 'keyboard' ? 1 : 0,
    now: Date.now(),
  };
}
