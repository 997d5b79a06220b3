import { describe, expect, it } from 'vitest';
import {
  checkInvariants,
  hasCapability,
  initialCallsState,
  isPending,
  reduce,
  sameNumber,
  selectActiveCalls,
  selectCall,
  stateSince,
  type CallsState,
} from '../../lib/calls/index.ts';
import { selectCallsByNumber, selectLiveDigits } from '../support/call-selectors.ts';
import { callEvent } from '../fixtures/gws/builders.ts';

const T0 = 1_764_000_000_000;

function withCalls(...events: Array<ReturnType<typeof callEvent>>): CallsState {
  return events.reduce<CallsState>(
    (s, e, i) => reduce(s, { type: 'event', event: e }, T0 + i * 1000),
    initialCallsState(T0),
  );
}

describe('selectors', () => {
  it('orders live calls ringing, established, held, dialing, then others; oldest first within a state', () => {
    const state = withCalls(
      callEvent('D', 'Dialing'),
      callEvent('H', 'Held'),
      callEvent('X', 'Odd'),
      callEvent('E1', 'Established'),
      callEvent('R', 'Ringing'),
      callEvent('E2', 'Established'),
    );
    expect(selectActiveCalls(state).map((r) => r.call.id)).toEqual([
      'R',
      'E1',
      'E2',
      'H',
      'D',
      'X',
    ]);
  });

  it('finds live calls by participant number, tolerating formatting and country prefixes', () => {
    const state = withCalls(
      callEvent('A', 'Established', {
        participants: [{ phoneNumber: '+1 (415) 555-0123', digits: '14155550123' }],
        ani: undefined,
      }),
      callEvent('B', 'Held', { participants: ['5001'], ani: undefined }),
    );
    expect(selectCallsByNumber(state, '415-555-0123').map((r) => r.call.id)).toEqual(['A']);
    expect(selectCallsByNumber(state, '5001').map((r) => r.call.id)).toEqual(['B']);
    expect(selectCallsByNumber(state, '15001')).toEqual([]); // short extensions match exactly
    expect(selectLiveDigits(state).sort()).toEqual(['14155550123', '5001']);
    expect(sameNumber('', '')).toBe(false);
  });

  it('answers capability questions from the current capabilities', () => {
    const state = withCalls(callEvent('A', 'Ringing'));
    const record = state.calls[0];
    if (!record) throw new Error('no call');
    expect(hasCapability(record, 'Answer')).toBe(true);
    expect(hasCapability(record.call, 'Hold')).toBe(false);
  });

  it('finds live and ended calls by id and reports time in state', () => {
    const state = withCalls(
      callEvent('A', 'Ringing'),
      callEvent('A', 'Established'),
      callEvent('B', 'Ringing'),
      callEvent('B', 'Released'),
    );
    const a = selectCall(state, 'A');
    expect(a && stateSince(a)).toBe(T0 + 1000);
    expect(selectCall(state, 'B') && 'endedAt' in (selectCall(state, 'B') as object)).toBe(true);
    expect(selectCall(state, 'nope')).toBeUndefined();
  });

  it('reports pending operations', () => {
    const state = reduce(
      initialCallsState(T0),
      { type: 'intent', id: 'x', operation: 'Hold', callId: 'A' },
      T0,
    );
    expect(isPending(state, 'Hold', 'A')).toBe(true);
    expect(isPending(state, 'Hold', 'B')).toBe(false);
  });
});

describe('checkInvariants', () => {
  const good = withCalls(
    callEvent('P', 'Held'),
    callEvent('C', 'Dialing', { parentCallUri: 'http://h/api/v2/me/calls/P' }),
    callEvent('Z', 'Ringing'),
    callEvent('Z', 'Released'),
  );

  it('accepts a consistent state', () => {
    expect(checkInvariants(good)).toEqual([]);
  });

  it.each<[string, (s: CallsState) => CallsState, RegExp]>([
    [
      'a call both live and ended',
      (s) => ({
        ...s,
        calls: [...s.calls, { ...s.ended[0]!, call: { ...s.ended[0]!.call, state: 'Held' } }],
      }),
      /both live and ended/,
    ],
    [
      'a live Released call',
      (s) => ({
        ...s,
        calls: s.calls.map((r) => ({ ...r, call: { ...r.call, state: 'Released' } })),
      }),
      /is Released/,
    ],
    ['duplicate ids', (s) => ({ ...s, calls: [...s.calls, s.calls[0]!] }), /duplicate live call/],
    [
      'a negative duration',
      (s) => ({ ...s, calls: s.calls.map((r) => ({ ...r, startedAt: s.clock + 10 })) }),
      /negative duration/,
    ],
    [
      'a dangling consult link',
      (s) => ({ ...s, calls: s.calls.map((r) => ({ ...r, parentId: 'ghost' })) }),
      /missing parent/,
    ],
    [
      'a history going back in time',
      (s) => ({
        ...s,
        calls: s.calls.map((r) => ({ ...r, history: [...r.history, { state: 'X', at: 0 }] })),
      }),
      /back in time/,
    ],
    [
      'a repeated history state',
      (s) => ({
        ...s,
        calls: s.calls.map((r) => ({
          ...r,
          history: [...r.history, r.history[r.history.length - 1]!],
        })),
      }),
      /repeats/,
    ],
    [
      'a duplicate alert',
      (s) => ({ ...s, alerts: [...s.alerts, s.alerts[0]!] }),
      /duplicate alert/,
    ],
  ])('reports %s', (_label, breakIt, pattern) => {
    const problems = checkInvariants(breakIt(good));
    expect(problems.some((p) => pattern.test(p))).toBe(true);
  });
});
