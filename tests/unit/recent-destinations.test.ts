/**
 * Recent destinations are one list, recorded by the background from the operations GWS
 * accepted (whichever view asked), bounded and per agent; the popup's older per-profile list
 * of numbers dialled is handed to the first agent who signs in after the update.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addRecent,
  adoptLegacyNumbers,
  decodeRecentBook,
  LEGACY_RECENT_NUMBERS_KEY,
  MAX_RECENT_AGENTS,
  MAX_RECENT_DESTINATIONS,
  RECENT_DESTINATIONS_KEY,
  recentOf,
  type RecentBook,
} from '../../lib/directory/recent-destinations.ts';
import { RecentDestinations, recentUseOf } from '../../lib/background/recent-destinations.ts';
import { wrapUpSettings } from '../../lib/settings/wrap-up-settings.ts';
import { agentKey } from '../../lib/history/call-history-book.ts';
import type { ViewState } from '../../lib/messaging/view-state.ts';
import { initialCallsState, reduce } from '../../lib/calls/index.ts';

const SERVER = 'http://gws.example';
const ME = agentKey('agent1', SERVER);

function view(username: string | undefined, kind: 'connected' | 'loggedOut'): ViewState {
  const calls = reduce(initialCallsState(0), { type: 'connection', connection: { kind } }, 0);
  return username ? { username, serverUrl: SERVER, calls } : { calls };
}

async function stored(): Promise<RecentBook> {
  return decodeRecentBook(
    (await fakeBrowser.storage.local.get(RECENT_DESTINATIONS_KEY))[RECENT_DESTINATIONS_KEY],
  );
}

describe('the popup’s old list, adopted', () => {
  it('goes after the agent’s own entries, each number once, within the bound', () => {
    const own = addRecent({ agents: {} }, ME, { number: '7002', use: 'transfer', at: 50 });
    const legacy = [
      '5001',
      '7002',
      42,
      ' ',
      '5002',
      ...Array.from({ length: 20 }, (_, i) => `6${i}`),
    ];
    const book = adoptLegacyNumbers(own, ME, legacy, 100);
    const entries = recentOf(book, ME);
    expect(entries.map((e) => e.number)).toEqual([
      '7002',
      '5001',
      '5002',
      ...Array.from({ length: MAX_RECENT_DESTINATIONS - 3 }, (_, i) => `6${i}`),
    ]);
    expect(entries[0]).toEqual({ number: '7002', use: 'transfer', at: 50 });
    expect(entries[1]).toEqual({ number: '5001', use: 'dial', at: 0 });
    expect(book.agents[ME]?.touchedAt).toBe(100);
  });

  it('changes nothing for junk, an empty list or no agent', () => {
    const book: RecentBook = { agents: {} };
    expect(adoptLegacyNumbers(book, ME, { not: 'a list' }, 1)).toBe(book);
    expect(adoptLegacyNumbers(book, ME, [42, ''], 1)).toBe(book);
    expect(adoptLegacyNumbers(book, '', ['5001'], 1)).toBe(book);
  });

  it('keeps the book within its agent bound', () => {
    let book: RecentBook = { agents: {} };
    for (let a = 0; a < MAX_RECENT_AGENTS; a++)
      book = addRecent(book, `a${a}@s`, { number: '1', use: 'dial', at: 10 + a });
    book = adoptLegacyNumbers(book, ME, ['5001'], 100);
    expect(Object.keys(book.agents)).toHaveLength(MAX_RECENT_AGENTS);
    expect(recentOf(book, 'a0@s')).toEqual([]);
    expect(recentOf(book, ME).map((e) => e.number)).toEqual(['5001']);
  });
});

describe('what counts as a destination', () => {
  it('dials, transfer and conference destinations as given; not forwarding, monitoring or other controls', () => {
    expect(recentUseOf({ kind: 'dial', phoneNumber: '+14155550132' })).toEqual({
      number: '+14155550132',
      use: 'dial',
    });
    const call = (operation: string, params?: Record<string, unknown>) =>
      recentUseOf({
        kind: 'call',
        callId: 'c1',
        request: { operation, ...(params ? { params } : {}) } as never,
      });
    expect(call('SingleStepTransfer', { destination: '7002' })).toEqual({
      number: '7002',
      use: 'transfer',
    });
    expect(call('InitiateTransfer', { destination: '7002' })?.use).toBe('transfer');
    expect(call('InitiateConference', { destination: '7003' })?.use).toBe('conference');
    expect(call('SingleStepConference', { destination: '7003' })?.use).toBe('conference');
    expect(call('Hangup')).toBeUndefined();
    expect(call('RemoveParticipantFromConference', { phoneNumber: '7003' })).toBeUndefined();
    expect(
      recentUseOf({
        kind: 'device',
        request: { operation: 'ForwardCallsOn', params: { destination: '7009' } },
      }),
    ).toBeUndefined();
    expect(recentUseOf({ kind: 'agent-state', operationName: 'Ready' })).toBeUndefined();
  });
});

describe('the background recorder', () => {
  let now = 1_000;
  const record = () =>
    new RecentDestinations({ diagnostics: () => ({ record: () => undefined }), now: () => now++ });
  beforeEach(() => {
    fakeBrowser.reset();
    now = 1_000;
  });

  it('records every accepted dial and transfer for the agent who made it, none lost when they come at once', async () => {
    const recent = record();
    const me = { username: 'agent1', serverUrl: SERVER };
    recent.accepted(me, { kind: 'dial', phoneNumber: '5001' });
    recent.accepted(me, { kind: 'dial', phoneNumber: '5002' });
    recent.accepted(me, {
      kind: 'call',
      callId: 'c1',
      request: { operation: 'SingleStepTransfer', params: { destination: '7002' } },
    });
    recent.accepted(
      { username: 'agent2', serverUrl: SERVER },
      { kind: 'dial', phoneNumber: '6001' },
    );
    // Nobody signed in: nothing to file it under.
    recent.accepted({}, { kind: 'dial', phoneNumber: '9999' });
    await recent.idle();
    const book = await stored();
    expect(recentOf(book, ME)).toEqual([
      { number: '7002', use: 'transfer', at: 1_002 },
      { number: '5002', use: 'dial', at: 1_001 },
      { number: '5001', use: 'dial', at: 1_000 },
    ]);
    expect(recentOf(book, agentKey('agent2', SERVER)).map((e) => e.number)).toEqual(['6001']);
    expect(Object.keys(book.agents)).toHaveLength(2);
  });

  it('hands the old list to the first agent who signs in, and removes it', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_RECENT_NUMBERS_KEY]: ['5001', '5002'] });
    const recent = record();
    recent.onChange(view('agent1', 'connected'));
    recent.accepted(
      { username: 'agent1', serverUrl: SERVER },
      { kind: 'dial', phoneNumber: '5003' },
    );
    await recent.idle();
    expect(recentOf(await stored(), ME).map((e) => e.number)).toEqual(['5003', '5001', '5002']);
    expect(await fakeBrowser.storage.local.get(LEGACY_RECENT_NUMBERS_KEY)).toEqual({});
    // The next agent on the desk gets none of it.
    recent.onChange(view(undefined, 'loggedOut'));
    recent.onChange(view('agent2', 'connected'));
    await recent.idle();
    expect(recentOf(await stored(), agentKey('agent2', SERVER))).toEqual([]);
  });

  it('forgets the agent’s entries at sign-out only when policy clears the history', async () => {
    const recent = record();
    recent.onChange(view('agent1', 'connected'));
    recent.accepted(
      { username: 'agent1', serverUrl: SERVER },
      { kind: 'dial', phoneNumber: '5001' },
    );
    recent.onChange(view(undefined, 'loggedOut'));
    await recent.idle();
    expect(recentOf(await stored(), ME)).toHaveLength(1);

    await wrapUpSettings.update((s) => ({ ...s, clearHistoryOnSignOut: true }));
    recent.onChange(view('agent1', 'connected'));
    recent.onChange(view(undefined, 'loggedOut'));
    await recent.idle();
    expect(recentOf(await stored(), ME)).toEqual([]);
  });
});
