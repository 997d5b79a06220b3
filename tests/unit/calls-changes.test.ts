import { describe, expect, it } from 'vitest';
import {
  changeBetween,
  initialCallsState,
  reduce,
  type CallsState,
} from '../../lib/calls/index.ts';
import { callEvent } from '../fixtures/gws/builders.ts';

const connected = reduce(
  initialCallsState(0),
  { type: 'connection', connection: { kind: 'connected' } },
  1,
);

function step(state: CallsState, event: ReturnType<typeof callEvent>, now: number) {
  const next = reduce(state, { type: 'event', event }, now);
  return { next, change: changeBetween(state, next) };
}

describe('what a store action changed', () => {
  it('tells a new call, a change of state and an ended call apart', () => {
    const rang = step(connected, callEvent('C1', 'Ringing'), 2);
    expect(rang.change).toMatchObject({
      calls: true,
      callIds: true,
      connection: false,
      view: true,
    });
    const answered = step(rang.next, callEvent('C1', 'Established'), 3);
    expect(answered.change).toMatchObject({ calls: true, callIds: false, view: true });
    const ended = step(answered.next, callEvent('C1', 'Released'), 4);
    expect(ended.change).toMatchObject({ calls: true, callIds: true });
  });

  it('says when only the connection changed', () => {
    const next = reduce(
      connected,
      { type: 'connection', connection: { kind: 'reconnecting', attempt: 1, reason: 'x' } },
      1,
    );
    expect(changeBetween(connected, next)).toEqual({
      calls: false,
      callIds: false,
      connection: true,
      agent: false,
      view: true,
    });
  });

  it('says a view has nothing new when only the alert bookkeeping changed', () => {
    const { next: ringing } = step(connected, callEvent('C1', 'Ringing'), 2);
    expect(ringing.alerts).toHaveLength(1);
    const acked = reduce(ringing, { type: 'alerts-ack', callIds: ['C1'] }, 2);
    expect(acked).not.toBe(ringing);
    expect(changeBetween(ringing, acked).view).toBe(false);
  });
});
