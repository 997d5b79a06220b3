import { describe, expect, it } from 'vitest';
import {
  addPending,
  blocksReady,
  choose,
  decodeWrapUpState,
  emptyWrapUpState,
  forgetChoices,
  markHandled,
  removePending,
  type PendingWrapUp,
} from '@/lib/wrap-up/wrap-up-state';
import { serverWrapUp } from '@/lib/wrap-up/server-wrap-up';
import {
  WRAP_UP_DEFAULTS,
  isReadOnlyKey,
  normalizeWrapUpSettings,
  readDispositions,
} from '@/lib/settings/wrap-up-settings';
import {
  MAX_ATTEMPTS,
  decodeOutbox,
  emptyOutbox,
  enqueueRecord,
  markFailed,
  markSent,
} from '@/lib/history/call-log-outbox';

const item = (callId: string): PendingWrapUp => ({
  callId,
  number: '5125',
  endedAt: 1,
  choice: {},
  acw: true,
});

describe('wrap-up state', () => {
  it('a choice made during the call moves with it into the wrap-up', () => {
    let state = { ...emptyWrapUpState(), required: true };
    state = choose(state, 'c1', { code: 'Sale' });
    expect(state.chosen.c1).toEqual({ code: 'Sale' });
    state = addPending(state, item('c1'));
    expect(state.pending[0]!.choice).toEqual({ code: 'Sale' });
    expect(state.chosen.c1).toBeUndefined();
    expect(blocksReady(state)).toBe(false);
  });

  it('"disposition required" blocks Ready while any ended call lacks one', () => {
    let state = addPending({ ...emptyWrapUpState(), required: true }, item('c1'));
    expect(blocksReady(state)).toBe(true);
    state = choose(state, 'c1', { notes: 'called about the bill' });
    expect(blocksReady(state)).toBe(true);
    state = choose(state, 'c1', { code: 'Callback' });
    expect(state.pending[0]!.choice).toEqual({ code: 'Callback', notes: 'called about the bill' });
    expect(blocksReady(state)).toBe(false);
    expect(blocksReady({ ...addPending(emptyWrapUpState(), item('c2')), required: false })).toBe(
      false,
    );
    expect(removePending(state, 'c1').pending).toEqual([]);
  });

  it('is idempotent for a call ended twice (a worker restart replays the store)', () => {
    let state = markHandled(addPending(emptyWrapUpState(), item('c1')), 'c1');
    state = markHandled(addPending(state, { ...item('c1'), number: 'other' }), 'c1');
    expect(state.pending).toHaveLength(1);
    expect(state.handled).toEqual(['c1']);
  });

  it('forgets choices of calls that are gone; notes are bounded', () => {
    const state = choose(choose(emptyWrapUpState(), 'a', { code: 'X' }), 'b', {
      notes: 'n'.repeat(5000),
    });
    expect(state.chosen.b!.notes).toHaveLength(2000);
    expect(Object.keys(forgetChoices(state, new Set(['b'])).chosen)).toEqual(['b']);
  });

  it('reads garbage from storage as an empty state', () => {
    for (const raw of [undefined, 1, { pending: 'x' }, { pending: [], chosen: {} }]) {
      expect(decodeWrapUpState(raw)).toEqual(emptyWrapUpState());
    }
  });
});

describe('dispositions from settings, policy and the GWS settings', () => {
  it('reads codes, "CODE=Label" strings and objects, without duplicates', () => {
    expect(
      readDispositions([
        'Sale',
        'NoSale=No sale',
        { code: 'Cb', label: 'Call back' },
        'Sale=Again',
        7,
        '',
      ]),
    ).toEqual([
      { code: 'Sale', label: 'Sale' },
      { code: 'NoSale', label: 'No sale' },
      { code: 'Cb', label: 'Call back' },
    ]);
  });

  it('reads the catalogue and the wrap-up time from settings sections of any likely shape', () => {
    expect(
      serverWrapUp({
        'agent-states': { Ready: {} },
        dispositions: { Sale: { displayName: 'Sale!' }, NoSale: 'No sale' },
        'wrap-up': { wrapUpTime: '30' },
      }),
    ).toEqual({
      dispositions: [
        { code: 'Sale', label: 'Sale!' },
        { code: 'NoSale', label: 'No sale' },
      ],
      wrapUpSeconds: 30,
    });
    expect(
      serverWrapUp({ 'Disposition-Codes': ['A=Alpha'], general: { 'wrap-up-time': 12 } }),
    ).toEqual({
      dispositions: [{ code: 'A', label: 'Alpha' }],
      wrapUpSeconds: 12,
    });
    expect(serverWrapUp({ general: { wrapUpTime: 'soon' }, other: 'x' })).toEqual({
      dispositions: [],
    });
  });

  it('normalises settings: a key is never empty, the wrap-up time is bounded', () => {
    const s = normalizeWrapUpSettings(
      { dispositionKey: '  ', wrapUpSeconds: 99_999, readOnlyKeys: ['GSIP_*', 3, 'GSIP_*'] },
      WRAP_UP_DEFAULTS,
    );
    expect(s.dispositionKey).toBe('DispositionCode');
    expect(s.wrapUpSeconds).toBe(3600);
    // Numbers become keys; duplicates go.
    expect(s.readOnlyKeys).toEqual(['GSIP_*', '3']);
    expect(normalizeWrapUpSettings({ wrapUpSeconds: -5 }, WRAP_UP_DEFAULTS).wrapUpSeconds).toBe(0);
  });

  it('read-only keys: exact names and prefixes', () => {
    expect(isReadOnlyKey('GSIP_REC_FN', ['GSIP_*'])).toBe(true);
    expect(isReadOnlyKey('GSIP', ['GSIP_*'])).toBe(false);
    expect(isReadOnlyKey('Ticket', ['Ticket'])).toBe(true);
    expect(isReadOnlyKey('Tickets', ['Ticket'])).toBe(false);
  });
});

describe('call-log outbox', () => {
  it('queues a call once, and never again once delivered', () => {
    let box = enqueueRecord(emptyOutbox(), 'c1', { a: 1 }, 10);
    expect(enqueueRecord(box, 'c1', { a: 2 }, 11)).toBe(box);
    box = markSent(box, 'c1');
    expect(box).toEqual({ items: [], sent: ['c1'] });
    expect(enqueueRecord(box, 'c1', { a: 3 }, 12)).toBe(box);
  });

  it('retries later after a failure and gives up after MAX_ATTEMPTS', () => {
    let box = enqueueRecord(emptyOutbox(), 'c1', {}, 0);
    for (let i = 1; i < MAX_ATTEMPTS; i++) box = markFailed(box, 'c1', 'HTTP 503', 1000 * i);
    expect(box.items[0]).toMatchObject({
      attempts: MAX_ATTEMPTS - 1,
      nextAt: 1000 * (MAX_ATTEMPTS - 1),
      lastError: 'HTTP 503',
    });
    expect(markFailed(box, 'c1', 'HTTP 503', 0).items).toEqual([]);
  });

  it('reads whatever is stored without throwing', () => {
    expect(decodeOutbox(undefined)).toEqual(emptyOutbox());
    expect(
      decodeOutbox({ items: [{ callId: 1 }, { callId: 'a', record: {} }], sent: ['x', 2] }),
    ).toMatchObject({
      items: [{ callId: 'a' }],
      sent: ['x'],
    });
  });
});
