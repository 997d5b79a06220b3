import type { PhoneMatch } from '../phone/types.ts';
import type { DecorationStore } from './decorations.ts';
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
  type OverlayActions,
  type OverlayModel,
  type RenderOverlay,
} from './overlay-model.ts';
import type { PageLookup, PageOperation } from '../messaging/page-messages.ts';
import type { LiveFeed } from './live-feed.ts';
import { nextVisibleHit } from './keyboard-navigation.ts';
import { NamedTimers } from './named-timers.ts';
import { ot } from '../i18n/overlay-messages.ts';
import { operationLabel } from './operation-labels.ts';

/** How the page reaches the background for the two things that act. */
export interface CallSender {
  dial(number: string): Promise<void>;
  operate(callId: string, operation: PageOperation, number: string): Promise<void>;
}

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
  signal: AbortSignal;
  /** Turns a failed command into words for the card. */
  describeError: (error: unknown) => string;
}

type Source = 'pointer' | 'focus' | 'keyboard';

const OPEN_DELAY_MS = 350;
const HIDE_DELAY_MS = 300;
/** How often an open card with a live call redraws its durations. */
const CLOCK_MS = 1000;

/** The Alt+Shift+N shortcut that brings keyboard focus to the page's numbers. */
function isNumbersShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN';
}

/**
 * The interaction layer: finds the number under the pointer (or focus), shows its hit target
 * and card, and turns the user's clicks into commands. Page listeners are passive observers;
 * only trusted events from the overlay's own closed shadow UI dial or control calls.
 */
export class Interaction {
  private readonly o: InteractionOptions;
  private target: NumberTarget | undefined;
  private source: Source = 'pointer';
  private model: OverlayModel | undefined;
  private lastPageFocus: Element | undefined;
  private pointerAt: { x: number; y: number; el: EventTarget | undefined } | undefined;
  private frame = 0;
  private readonly timers: NamedTimers<'open' | 'hide' | 'clock'>;
  private generation = 0;
  private readonly actions: OverlayActions;

  constructor(options: InteractionOptions) {
    this.o = options;
    this.timers = new NamedTimers(options.win, options.signal);
    const trusted = (e: Event) => e.isTrusted === true;
    this.actions = {
      activate: (e) => trusted(e) && this.activate(),
      confirm: (e) => trusted(e) && void this.dial(),
      cancel: (e) => trusted(e) && this.update({ confirming: false }),
      operate: (e, callId, op) => trusted(e) && void this.operate(callId, op),
      pointer: (e, inside) => {
        if (!trusted(e)) return;
        if (inside) this.timers.clear('hide');
        else if (this.source === 'pointer') this.scheduleHide();
      },
      navigate: (e, step) => trusted(e) && this.navigate(step),
      dismiss: (e) => {
        if (!trusted(e)) return;
        const back = this.source !== 'pointer' ? this.lastPageFocus : undefined;
        this.hide();
        (back as HTMLElement | undefined)?.focus?.({ preventScroll: true });
      },
    };
  }

  start(): void {
    const { win, signal } = this.o;
    const passive = { capture: true, passive: true, signal };
    win.addEventListener('mousemove', (e) => this.onPointerMove(e), passive);
    win.addEventListener('scroll', () => this.requestFrame(), passive);
    win.addEventListener('resize', () => this.requestFrame(), passive);
    win.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal });
    win.addEventListener('focusin', (e) => this.onFocusIn(e), { capture: true, signal });
    win.addEventListener('focusout', (e) => this.onFocusOut(e), { capture: true, signal });
    signal.addEventListener('abort', () => this.stop());
  }

  stop(): void {
    this.hide();
    if (this.frame) this.o.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** The number the overlay currently shows, if any (diagnostics and tests). */
  get current(): OverlayModel | undefined {
    return this.model;
  }

  private onPointerMove(e: MouseEvent): void {
    if (!e.isTrusted) return;
    this.pointerAt = { x: e.clientX, y: e.clientY, el: e.composedPath()[0] };
    this.requestFrame();
  }

  private requestFrame(): void {
    if (this.frame) return;
    this.frame = this.o.win.requestAnimationFrame(() => {
      this.frame = 0;
      this.onFrame();
    });
  }

  /** Once per frame at most: follow the pointer, then keep the shown target in place. */
  private onFrame(): void {
    const at = this.pointerAt;
    this.pointerAt = undefined;
    if (at) this.followPointer(at.x, at.y, at.el);
    if (this.target && this.model) {
      const boxes = targetBoxes(this.target);
      if (boxes.length === 0) this.hide();
      else this.update({ boxes, cardAt: this.placement(boxes) });
    }
  }

  private followPointer(x: number, y: number, where: EventTarget | undefined): void {
    const host = this.o.ownHost();
    if (!where || where === host) return;
    const el = (where as Node).nodeType === 1 ? (where as Element) : (where as Node).parentElement;
    const found = el ? numberTargetAt(el, x, y, this.o.store, this.o.find, host) : undefined;
    if (found) {
      if (sameTarget(found, this.target)) this.timers.clear('hide');
      else if (this.source === 'pointer' || !this.model) this.show(found, 'pointer');
    } else if (this.target && this.source === 'pointer') {
      this.scheduleHide();
    }
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (!e.isTrusted || !isNumbersShortcut(e)) return;
    e.preventDefault();
    e.stopPropagation();
    const active = e.composedPath()[0];
    if (active instanceof Element && active !== this.o.ownHost()) this.lastPageFocus = active;
    this.navigate(1);
  }

  private onFocusIn(e: FocusEvent): void {
    if (!e.isTrusted) return;
    const el = e.composedPath()[0];
    if (!(el instanceof Element) || el === this.o.ownHost()) return;
    this.lastPageFocus = el;
    const found = numberTargetOfFocus(el, this.o.store, this.o.find, this.o.ownHost());
    if (found) this.show(found, 'focus');
  }

  private onFocusOut(e: FocusEvent): void {
    if (!e.isTrusted || this.source !== 'focus') return;
    // Focus moving into the overlay (Alt+Shift+N) keeps the card.
    if (e.relatedTarget && e.relatedTarget === this.o.ownHost()) return;
    this.hide();
  }

  private navigate(step: 1 | -1): void {
    const from = this.target?.hit ?? this.focusedHit();
    const hit = nextVisibleHit(this.o.store, from, step, this.o.win);
    if (hit) this.show(targetFromHit(hit), 'keyboard');
  }

  private focusedHit() {
    const el = this.lastPageFocus;
    if (!el) return undefined;
    return numberTargetOfFocus(el, this.o.store, this.o.find, this.o.ownHost())?.hit;
  }

  private placement(boxes: OverlayModel['boxes']): OverlayModel['cardAt'] {
    const { win } = this.o;
    return cardPlacement(boxes, { width: win.innerWidth, height: win.innerHeight });
  }

  private show(target: NumberTarget, source: Source): void {
    const boxes = targetBoxes(target);
    if (boxes.length === 0) return;
    this.hide();
    const generation = ++this.generation;
    this.target = target;
    this.source = source;
    this.model = {
      kind: target.input ? 'input' : (target.hit?.kind ?? 'text'),
      number: target.number,
      raw: target.raw,
      ...(target.extension ? { extension: target.extension } : {}),
      boxes,
      cardAt: this.placement(boxes),
      open: source !== 'pointer',
      confirming: false,
      focusTarget: source === 'keyboard',
      now: Date.now(),
    };
    this.askInfo(target.number, generation);
    // Watched from the hover on: a click on the number must know whether it is on a call.
    this.o.live.watch(target.number, (live) => this.onLive(live, generation));
    if (source === 'pointer') this.timers.set('open', () => this.openCard(), OPEN_DELAY_MS);
    else this.openCard();
    this.render();
  }

  /**
   * The overlay's language changed: draws the shown number again, with its facts asked anew
   * (country names come from the background in the agent's language).
   */
  relabel(): void {
    if (!this.model) return;
    this.askInfo(this.model.number, this.generation);
    this.render();
  }

  private askInfo(number: string, generation: number): void {
    void this.o.lookups.info(number).then((info) => {
      if (info && generation === this.generation) this.update({ info });
    });
  }

  private openCard(): void {
    if (!this.model) return;
    this.update({ open: true, now: Date.now() });
    this.tick();
  }

  /** The background pushed the number's live calls (at once, then on every change). */
  private onLive(live: PageLookup, generation: number): void {
    if (generation !== this.generation || !this.model) return;
    const change: Partial<OverlayModel> = { live, now: Date.now() };
    // "Dialling" lasts until GWS shows the call; from then on its live section says how it is.
    if (this.model.status?.kind === 'done' && live.calls.length > 0) change.status = undefined;
    if (live.calls.length > 0) change.confirming = false;
    this.update(change);
    this.tick();
  }

  /** Durations of an open card's live calls move on while it is open. */
  private tick(): void {
    if (!this.model?.open || !this.model.live?.calls.length) return;
    if (this.timers.has('clock')) return;
    this.timers.set(
      'clock',
      () => {
        this.update({ now: Date.now() });
        this.tick();
      },
      CLOCK_MS,
    );
  }

  private activate(): void {
    const model = this.model;
    if (!model) return;
    // One call per person: a number on a live call gets its card and controls, never a
    // second call (the background refuses one too).
    if (model.live?.calls.length) {
      this.update({ open: true });
      return;
    }
    if (this.o.confirmBeforeDial() && !model.confirming) {
      this.update({ open: true, confirming: true });
      return;
    }
    void this.dial();
  }

  private async dial(): Promise<void> {
    const model = this.model;
    if (!model) return;
    const generation = this.generation;
    this.update({
      open: true,
      confirming: false,
      status: { kind: 'busy', text: ot('overlayCalling', model.raw) },
    });
    try {
      await this.o.sender.dial(model.number);
      // The call may already have been pushed: then its live section tells the state.
      if (generation === this.generation)
        this.update({
          status: this.model?.live?.calls.length
            ? undefined
            : { kind: 'done', text: ot('overlayDialling') },
        });
    } catch (error) {
      if (generation === this.generation)
        this.update({ status: { kind: 'error', text: this.o.describeError(error) } });
    }
  }

  private async operate(callId: string, operation: PageOperation): Promise<void> {
    const model = this.model;
    if (!model) return;
    const generation = this.generation;
    this.update({ status: { kind: 'busy', text: ot('overlayBusy', operationLabel(operation)) } });
    try {
      await this.o.sender.operate(callId, operation, model.number);
      if (generation === this.generation) this.update({ status: undefined });
    } catch (error) {
      if (generation === this.generation)
        this.update({ status: { kind: 'error', text: this.o.describeError(error) } });
    }
  }

  private scheduleHide(): void {
    if (this.timers.has('hide')) return;
    this.timers.set('hide', () => this.hide(), HIDE_DELAY_MS);
  }

  private hide(): void {
    this.generation++;
    this.timers.clearAll();
    const had = this.model !== undefined;
    if (had) this.o.live.unwatch();
    this.target = undefined;
    this.model = undefined;
    this.source = 'pointer';
    if (had) this.render();
  }

  private update(change: Partial<OverlayModel>): void {
    if (!this.model) return;
    this.model = { ...this.model, ...change };
    if ('status' in change && change.status === undefined) delete this.model.status;
    this.render();
  }

  private render(): void {
    this.o.render(this.model, this.actions);
  }
}
