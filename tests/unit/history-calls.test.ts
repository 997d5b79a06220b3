import { describe, expect, it } from 'vitest';
import type { CallsState, EndedCall } from '@/lib/calls';
import { callTimes, liveTimer } from '@/lib/history/call-times';
import { historyEntryFrom, isMissed, keptUserData } from '@/lib/history/history-entry';
import {
  MAX_HISTORY_AGENTS,
  MAX_HISTORY_ENTRIES,
  addEntries,
  agentKey,
  clearAgent,
  decodeBook,
  emptyBook,
  historyOf,
  markSeen,
  unseenMissed,
  updateEntry,
} from '@/lib/history/call-history-book';
import {
  ESTABLISHED_CAPS,
  T0,
  callEventFrom,
  establishedCall,
  eventAction,
  later,
  signedIn,
} from './popup-harness';

// Ended calls built with the real store from the GWS fixtures: one action a second.
const ringing = () => eventAction(callEventFrom('call-ringing-inbound'));
const held = () =>
  eventAction(
    callEventFrom('call-ringing-inbound', {
      state: 'Held',
      capabilities: ESTABLISHED_CAPS.filter((c) => c !== 'Hold').concat('Retrieve'),
    }),
  );
const released = () =>
  eventAction(callEventFrom('call-ringing-inbound', { state: 'Released', capabilities: [] }));

function ended(state: CallsState): EndedCall {
  const call = state.ended[0];
  if (!call) throw new Error('no ended call');
  return call;
}

const OPTIONS = { keys: ['AccountNumber'], dispositionKey: 'DispositionCode' };

describe('call times and the history entry of an ended call', () => {
  // signedIn() spends T0..T0+2s; the call rings at +3s.
  const answered = signedIn(
    ringing(),
    eventAction(establishedCall()),
    held(),
    eventAction(establishedCall()),
    released(),
  );

  it('splits an answered call into ring, talk and hold time', () => {
    const record = ended(answered);
    expect(callTimes(record, record.endedAt)).toEqual({
      ringMs: 1000,
      talkMs: 2000,
      holdMs: 1000,
      totalMs: 4000,
      answeredAt: T0 + 4000,
    });
    const entry = historyEntryFrom(record, OPTIONS);
    expect(entry).toMatchObject({
      callId: record.call.id,
      direction: 'incoming',
      number: '5125',
      missed: false,
      ringMs: 1000,
      talkMs: 2000,
      holdMs: 1000,
      totalMs: 4000,
      userData: { AccountNumber: '12345678' },
    });
    expect(entry.pop).toMatchObject({ id: record.call.id, ani: '5125', direction: 'incoming' });
  });

  it('a call that rang and ended unanswered is missed; one answered is not', () => {
    const missed = ended(signedIn(ringing(), released()));
    expect(isMissed(missed)).toBe(true);
    expect(historyEntryFrom(missed, OPTIONS)).toMatchObject({
      missed: true,
      talkMs: 0,
      ringMs: 1000,
    });
    expect(isMissed(ended(answered))).toBe(false);
    const dialled = ended(
      signedIn(
        eventAction(callEventFrom('call-dialing-outbound')),
        eventAction(
          callEventFrom('call-dialing-outbound', { state: 'Released', capabilities: [] }),
        ),
      ),
    );
    expect(isMissed(dialled)).toBe(false);
    expect(historyEntryFrom(dialled, OPTIONS).direction).toBe('outgoing');
  });

  it('takes the disposition and the name from the attached data', () => {
    const userData = { DispositionCode: 'Sale', CustomerName: ' Ada ', Other: 'x' };
    const withData = signedIn(
      eventAction(callEventFrom('call-ringing-inbound', { userData })),
      eventAction(
        callEventFrom('call-ringing-inbound', { state: 'Released', capabilities: [], userData }),
      ),
    );
    const entry = historyEntryFrom(ended(withData), { ...OPTIONS, nameKey: 'CustomerName' });
    expect(entry.disposition).toBe('Sale');
    expect(entry.name).toBe('Ada');
    // Only the chosen keys are kept, also for "pop again".
    expect(entry.userData).toEqual({});
    expect(entry.pop.userData).toEqual({});
  });

  it('keeps chosen attached-data keys as bounded text and drops lists', () => {
    expect(
      keptUserData({ A: 'x'.repeat(2000), B: 7, C: [1, 2], D: { e: 1 } }, [
        'A',
        'B',
        'C',
        'D',
        'Z',
      ]),
    ).toEqual({ A: 'x'.repeat(500), B: '7' });
  });

  it('live timers: ringing while ringing, talk from the answer, this hold while held', () => {
    const ring = signedIn(ringing());
    const record = (s: CallsState) => s.calls[0]!;
    expect(liveTimer(record(ring), ring.clock + 5000)).toEqual({ kind: 'ringing', ms: 5000 });
    const talking = later(ring, eventAction(establishedCall()), 2000);
    expect(liveTimer(record(talking), talking.clock + 3000)).toEqual({ kind: 'talk', ms: 3000 });
    const onHold = later(talking, held(), 10_000);
    expect(liveTimer(record(onHold), onHold.clock + 4000)).toEqual({ kind: 'hold', ms: 4000 });
    const back = later(onHold, eventAction(establishedCall()), 6000);
    // Talk time counts from the answer, through the hold.
    expect(liveTimer(record(back), back.clock)).toEqual({ kind: 'talk', ms: 16_000 });
  });
});

describe('the history book', () => {
  const entry = (callId: string, endedAt: number, missed = false) => ({
    ...historyEntryFrom(ended(signedIn(ringing(), released())), OPTIONS),
    callId,
    endedAt,
    missed,
  });
  const ann = agentKey('agent1', 'http://gws');

  it('adds newest first, never twice, bounded per agent', () => {
    let book = addEntries(emptyBook(), ann, [entry('a', 1), entry('b', 3)], 10);
    book = addEntries(book, ann, [entry('a', 1), entry('c', 2)], 11);
    expect(historyOf(book, ann).entries.map((e) => e.callId)).toEqual(['b', 'c', 'a']);
    const many = Array.from({ length: MAX_HISTORY_ENTRIES + 5 }, (_, i) => entry(`x${i}`, i));
    book = addEntries(book, ann, many, 12);
    expect(historyOf(book, ann).entries).toHaveLength(MAX_HISTORY_ENTRIES);
    expect(historyOf(book, ann).entries[0]!.callId).toBe(`x${MAX_HISTORY_ENTRIES + 4}`);
  });

  it('counts missed calls until seen, per agent', () => {
    const bob = agentKey('agent2', 'http://gws');
    let book = addEntries(emptyBook(), ann, [entry('m1', 100, true), entry('ok', 110)], 120);
    book = addEntries(book, bob, [entry('m2', 100, true)], 120);
    expect(unseenMissed(historyOf(book, ann))).toBe(1);
    book = markSeen(book, ann, 130);
    expect(unseenMissed(historyOf(book, ann))).toBe(0);
    expect(unseenMissed(historyOf(book, bob))).toBe(1);
    book = addEntries(book, ann, [entry('m3', 140, true)], 150);
    expect(unseenMissed(historyOf(book, ann))).toBe(1);
    expect(historyOf(clearAgent(book, ann), ann).entries).toEqual([]);
    expect(historyOf(clearAgent(book, ann), bob).entries).toHaveLength(1);
  });

  it('updates one entry (the disposition chosen in wrap-up)', () => {
    const book = addEntries(emptyBook(), ann, [entry('a', 1)], 2);
    const next = updateEntry(book, ann, 'a', (e) => ({ ...e, disposition: 'Sale' }), 3);
    expect(historyOf(next, ann).entries[0]!.disposition).toBe('Sale');
    expect(updateEntry(book, ann, 'nope', (e) => e, 3)).toBe(book);
  });

  it('keeps at most MAX_HISTORY_AGENTS agents, dropping the least recently active', () => {
    let book = emptyBook();
    for (let i = 0; i <= MAX_HISTORY_AGENTS; i++) {
      book = addEntries(book, `agent${i}@s`, [entry(`c${i}`, i)], i);
    }
    expect(Object.keys(book.agents)).toHaveLength(MAX_HISTORY_AGENTS);
    expect(book.agents['agent0@s']).toBeUndefined();
  });

  it('reads whatever is stored without throwing', () => {
    for (const raw of [
      undefined,
      null,
      7,
      'x',
      [],
      { agents: 3 },
      { agents: { a: { entries: 'no' } } },
    ]) {
      expect(decodeBook(raw)).toEqual(emptyBook());
    }
    const kept = decodeBook({
      agents: { a: { entries: [entry('ok', 1), { callId: 'bad' }], seenAt: 'x' } },
    });
    expect(kept.agents.a!.entries.map((e) => e.callId)).toEqual(['ok']);
    expect(kept.agents.a!.seenAt).toBe(0);
  });
});
