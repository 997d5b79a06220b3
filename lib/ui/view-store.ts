import { batch, signal, type Signal } from '@preact/signals';
import type { ViewState } from '../messaging/view-state.ts';
import type { PartyNaming } from '../calls/index.ts';
import { describeChanges, type Announcement } from './announcements.ts';

/** Where pushed states come from (the real one is `subscribeToState`); returns unsubscribe. */
export type StateSource = (onState: (state: ViewState) => void) => () => void;

/**
 * The view-side store: small signals fed by the background's state pushes. Nothing here is
 * ever changed by a command's answer; only a push changes `view` (design.md §1).
 */
export interface ViewStore {
  /** The last pushed state; undefined until the background answered. */
  readonly view: Signal<ViewState | undefined>;
  /** The clock durations are measured against; ticks while the popup is open. */
  readonly now: Signal<number>;
  /** The latest change worth announcing to assistive technology. */
  readonly announcement: Signal<Announcement | undefined>;
  /** How call parties are named (the agent's attached-data key), in cards and announcements. */
  readonly naming: PartyNaming;
}

export function createViewStore(
  clock: () => number = Date.now,
  naming: PartyNaming = {},
): ViewStore {
  return {
    naming,
    view: signal<ViewState | undefined>(undefined),
    now: signal(clock()),
    announcement: signal<Announcement | undefined>(undefined),
  };
}

/**
 * Feeds the store from a state source and keeps `now` ticking. Each push also computes what
 * changed for the live region. Returns a function that stops both.
 */
export function connectViewStore(
  store: ViewStore,
  source: StateSource,
  clock: () => number = Date.now,
  tickMs = 1000,
): () => void {
  let sequence = 0;
  const unsubscribe = source((next) => {
    const previous = store.view.peek();
    const changes = describeChanges(previous?.calls, next.calls, store.naming);
    batch(() => {
      store.view.value = next;
      store.now.value = clock();
      const last = changes[changes.length - 1];
      if (last) {
        // Several changes in one push are read as one sentence; urgent if any is.
        store.announcement.value = {
          text: changes.map((c) => c.text).join(' '),
          urgent: changes.some((c) => c.urgent),
          sequence: ++sequence,
        };
      }
    });
  });
  const timer = setInterval(() => (store.now.value = clock()), tickMs);
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
