import type { PhoneMatch } from '../phone/types.ts';
import type { PageLookup } from '../messaging/page-messages.ts';
import type { KeyCombo } from '../settings/numbers-shortcut.ts';
import { CardCommands, type CallSender } from './card-commands.ts';
import type { DecorationStore } from './decorations.ts';
import { nextVisibleHit } from './keyboard-navigation.ts';
import type { LiveFeed } from './live-feed.ts';
import { NamedTimers } from './named-timers.ts';
import type { NumberLookups } from './number-lookups.ts';
import {
  numberTargetAt,
  numberTargetOfFocus,
  sameTarget,
  targetBoxes,
  targetFromHit,
  type NumberTarget,
} from './number-target.ts';
import {
  cardPlacement,
  newModel,
  type OverlayActions,
  type OverlayModel,
  type RenderOverlay,
} from './overlay-model.ts';
import { listenToPage } from './page-listeners.ts';
import { userActions } from './user-actions.ts';
import type { ClickGuard } from './click-guard.ts';
import { linkHidesNumber } from './dial-risks.ts';
import { FrameFollower } from './frame-follower.ts';

export type { CallSender } from './card-commands.ts';

export interface InteractionOptions {
  win: Window;
  store: DecorationStore;
  find: (text: string) => PhoneMatch[];
  ownHost: () => Element | null;
  lookups: NumberLookups;
  /** The live calls of the number shown, pushed as they change. */
  live: Pick<LiveFeed, 'watch' | 'unwatch'>;
  sender: CallSender;
  render: RenderOverlay;
  confirmBeforeDial: () => boolean;
  /** Whether a click on the overlay's UI was on something the user could see. */
  guard: Pick<ClickGuard, 'allows'>;
  /** The key combination that brings focus to the page's numbers. */
  numbersShortcut: () => KeyCombo;
  signal: AbortSignal;
  /** Turns a failed command into words for the card. */
  describeError: (error: unknown) => string;
}

/** How the number was reached: a pointer card opens late and closes when the pointer leaves. */
type Source = 'pointer' | 'focus' | 'keyboard';

const OPEN_DELAY_MS = 350;
const HIDE_DELAY_MS = 300;
/** How often an open card with a live call redraws its durations. */
const CLOCK_MS = 1000;

/**
 * The interaction layer: finds the number under the pointer (or focus), shows its hit target
 * and card, keeps the card up to date, and passes the user's clicks to the card commands.
 * Page listeners are passive observers (page-listeners.ts); only trusted events from the
 * overlay's own closed shadow UI dial or control calls.
 */
export class Interaction {
  readonly #o: InteractionOptions;
  #target: NumberTarget | undefined;
  #source: Source = 'pointer';
  #model: OverlayModel | undefined;
  #lastPageFocus: Element | undefined;
  readonly #frames: FrameFollower;
  readonly #timers: NamedTimers<'open' | 'hide' | 'clock'>;
  #generation = 0;
  readonly #actions: OverlayActions;
  readonly #commands: CardCommands;

  constructor(options: InteractionOptions) {
    this.#o = options;
    this.#timers = new NamedTimers(options.win, options.signal);
    this.#frames = new FrameFollower(options.win, (at) => this.#onFrame(at));
    this.#commands = new CardCommands(
      {
        model: () => this.#model,
        generation: () => this.#generation,
        update: (change) => this.#update(change),
        focusNumber: () => this.#focusNumber(),
      },
      options,
    );
    this.#actions = userActions(options.guard, {
      activate: (seen) => this.#commands.activate(seen),
      confirm: () => this.#commands.confirm(),
      cancel: () => this.#commands.cancel(),
      operate: (callId, op) => void this.#commands.operate(callId, op),
      pointer: (inside) => {
        if (inside) this.#timers.clear('hide');
        else if (this.#source === 'pointer') this.#scheduleHide();
      },
      navigate: (step) => this.#navigate(step),
      dismiss: () => this.#dismiss(),
    });
  }

  start(): void {
    const { win, signal } = this.#o;
    listenToPage(win, signal, this.#o.numbersShortcut, {
      pointerMoved: (x, y, over) => this.#frames.pointerMoved(x, y, over),
      viewportMoved: () => this.#frames.request(),
      numbersShortcut: (from) => {
        if (from instanceof Element && from !== this.#o.ownHost()) this.#lastPageFocus = from;
        this.#navigate(1);
      },
      escape: () => this.#dismiss(),
      // A click anywhere but on the overlay closes the card, however it was opened.
      pointerDown: (on) => {
        if (this.#model && on !== this.#o.ownHost()) this.#hide();
      },
      focusIn: (el) => this.#onFocusIn(el),
      focusOut: (to) => {
        // Focus moving into the overlay (the shortcut, a click on the card) keeps the card.
        if (this.#source === 'focus' && !(to && to === this.#o.ownHost())) this.#hide();
      },
    });
    signal.addEventListener('abort', () => this.stop());
  }

  stop(): void {
    this.#hide();
    this.#frames.stop();
  }

  /** The number the overlay currently shows, if any (diagnostics and tests). */
  get current(): OverlayModel | undefined {
    return this.#model;
  }

  /**
   * The overlay's language changed: draws the shown number again, with its facts asked anew
   * (country names come from the background in the agent's language).
   */
  relabel(): void {
    if (!this.#model) return;
    this.#askInfo(this.#model.number, this.#generation);
    this.#render();
  }

  /** Once per frame at most: follow the pointer, then keep the shown target in place. */
  #onFrame(at: { x: number; y: number; over: EventTarget | undefined } | undefined): void {
    if (at) this.#followPointer(at.x, at.y, at.over);
    if (this.#target && this.#model) {
      const boxes = targetBoxes(this.#target);
      if (boxes.length === 0) this.#hide();
      else this.#update({ boxes, cardAt: this.#placement(boxes) });
    }
  }

  #followPointer(x: number, y: number, where: EventTarget | undefined): void {
    const host = this.#o.ownHost();
    if (!where || where === host) return;
    const el = (where as Node).nodeType === 1 ? (where as Element) : (where as Node).parentElement;
    const found = el ? numberTargetAt(el, x, y, this.#o.store, this.#o.find, host) : undefined;
    if (found) {
      if (sameTarget(found, this.#target)) this.#timers.clear('hide');
      // A card the keyboard is working in stays; one it left gives way to the pointer.
      else if (this.#source === 'pointer' || !this.#keyboardInOverlay())
        this.#show(found, 'pointer');
    } else if (this.#target && this.#source === 'pointer') {
      this.#scheduleHide();
    }
  }

  #keyboardInOverlay(): boolean {
    const host = this.#o.ownHost();
    return !!this.#model && !!host && this.#o.win.document.activeElement === host;
  }

  #onFocusIn(el: EventTarget | undefined): void {
    if (!(el instanceof Element) || el === this.#o.ownHost()) return;
    this.#lastPageFocus = el;
    const found = numberTargetOfFocus(el, this.#o.store, this.#o.find, this.#o.ownHost());
    if (found) this.#show(found, 'focus');
  }

  #navigate(step: 1 | -1): void {
    const from = this.#target?.hit ?? this.#focusedHit();
    const hit = nextVisibleHit(this.#o.store, from, step, this.#o.win);
    if (hit) this.#show(targetFromHit(hit), 'keyboard');
  }

  #focusedHit() {
    const el = this.#lastPageFocus;
    if (!el) return undefined;
    return numberTargetOfFocus(el, this.#o.store, this.#o.find, this.#o.ownHost())?.hit;
  }

  #placement(boxes: OverlayModel['boxes']): OverlayModel['cardAt'] {
    const { win } = this.#o;
    return cardPlacement(boxes, { width: win.innerWidth, height: win.innerHeight });
  }

  #show(target: NumberTarget, source: Source): void {
    const boxes = targetBoxes(target);
    if (boxes.length === 0) return;
    this.#hide();
    const generation = ++this.#generation;
    this.#target = target;
    this.#source = source;
    this.#model = newModel(target, boxes, this.#placement(boxes), source);
    if (target.hit?.kind === 'link') {
      const text = (target.hit.node as HTMLElement).innerText ?? target.hit.node.textContent ?? '';
      this.#model.linkHidesNumber = linkHidesNumber(text, target.raw);
    }
    this.#askInfo(target.number, generation);
    // Watched from the hover on: a click on the number must know whether it is on a call.
    this.#o.live.watch(target.number, (live) => this.#onLive(live, generation));
    if (source === 'pointer') this.#timers.set('open', () => this.#openCard(), OPEN_DELAY_MS);
    else this.#openCard();
    this.#render();
  }

  #askInfo(number: string, generation: number): void {
    void this.#o.lookups.info(number).then((info) => {
      if (info && generation === this.#generation) this.#update({ info });
    });
  }

  #openCard(): void {
    if (!this.#model) return;
    this.#update({ open: true, now: Date.now() });
    this.#tick();
  }

  /** The background pushed the number's live calls (at once, then on every change). */
  #onLive(live: PageLookup, generation: number): void {
    if (generation !== this.#generation || !this.#model) return;
    const change: Partial<OverlayModel> = { live, now: Date.now() };
    // "Dialling" lasts until GWS shows the call; from then on its live section says how it is.
    if (this.#model.status?.kind === 'done' && live.calls.length > 0) change.status = undefined;
    if (live.calls.length > 0) change.confirming = false;
    this.#update(change);
    this.#tick();
  }

  /** Durations of an open card's live calls move on while it is open. */
  #tick(): void {
    if (!this.#model?.open || !this.#model.live?.calls.length) return;
    if (this.#timers.has('clock')) return;
    this.#timers.set(
      'clock',
      () => {
        this.#update({ now: Date.now() });
        this.#tick();
      },
      CLOCK_MS,
    );
  }

  /** After an action on the card, the keyboard is back on the number, and the card stays. */
  #focusNumber(): void {
    if (!this.#model) return;
    if (this.#source === 'focus') this.#source = 'keyboard';
    this.#update({ focusRequest: this.#model.focusRequest + 1 });
  }

  /** Escape: close, and give focus back to the page where the keyboard came from. */
  #dismiss(): void {
    if (!this.#model) return;
    const back = this.#source !== 'pointer' ? this.#lastPageFocus : undefined;
    this.#hide();
    (back as HTMLElement | undefined)?.focus?.({ preventScroll: true });
  }

  #scheduleHide(): void {
    if (this.#timers.has('hide')) return;
    this.#timers.set('hide', () => this.#hide(), HIDE_DELAY_MS);
  }

  #hide(): void {
    this.#generation++;
    this.#timers.clearAll();
    const had = this.#model !== undefined;
    if (had) this.#o.live.unwatch();
    this.#target = undefined;
    this.#model = undefined;
    this.#source = 'pointer';
    if (had) this.#render();
  }

  #update(change: Partial<OverlayModel>): void {
    if (!this.#model) return;
    this.#model = { ...this.#model, ...change };
    if ('status' in change && change.status === undefined) delete this.#model.status;
    this.#render();
  }

  #render(): void {
    this.#o.render(this.#model, this.#actions);
  }
}
