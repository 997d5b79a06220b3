import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  initialCallsState,
  reduce,
  type CallsState,
  type StoreAction,
} from '../../lib/calls/index.ts';
import { IntentExpiry } from '../../lib/session/intent-expiry.ts';

const TIMEOUT = 8_000;

/** The real store and the real expiry, on fake timers: the timers are what is under test. */
function harness() {
  let state: CallsState = initialCallsState(Date.now());
  const expiry = new IntentExpiry({
    timeoutMs: TIMEOUT,
    now: Date.now,
    intents: () => state.intents,
    expire: () => dispatch({ type: 'intents-expire', timeoutMs: TIMEOUT }),
  });
  const dispatch = (action: StoreAction) => {
    const next = reduce(state, action, Date.now());
    if (next === state) return;
    state = next;
    expiry.sync();
  };
  const intent = (id: string) => dispatch({ type: 'intent', id, operation: 'Hold', callId: 'C1' });
  return { dispatch, intent, expiry, intents: () => state.intents.map((i) => i.id) };
}

describe('pending-intent expiry', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('keeps one timer however many intents are pending, and expires each on time', () => {
    const h = harness();
    for (let i = 0; i < 50; i++) {
      h.intent(`Hold:${i}`);
      vi.advanceTimersByTime(100);
    }
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(TIMEOUT - 50 * 100);
    // The first intent is due; the others are younger than the timeout.
    expect(h.intents()).not.toContain('Hold:0');
    expect(h.intents()).toContain('Hold:49');
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(50 * 100);
    expect(h.intents()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancels the timer when the intents settle before they are due', () => {
    const h = harness();
    h.intent('Hold:1');
    h.intent('Hold:2');
    h.dispatch({ type: 'intent-settle', id: 'Hold:1' });
    expect(vi.getTimerCount()).toBe(1);
    h.dispatch({ type: 'intent-settle', id: 'Hold:2' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancels the timer when the session stops', () => {
    const h = harness();
    h.intent('Hold:1');
    h.expiry.cancel();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('re-arms when the timer fired before anything was due', () => {
    const h = harness();
    h.intent('Hold:1');
    // The store's clock ran ahead of the timer's (a step of the wall clock).
    vi.setSystemTime(Date.now() - 5);
    vi.advanceTimersByTime(TIMEOUT);
    expect(h.intents()).toEqual(['Hold:1']);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(10);
    expect(h.intents()).toEqual([]);
  });
});
