import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkInvariants,
  initialCallsState,
  reduce,
  type CallsState,
  type StoreAction,
} from '../../lib/calls/index.ts';
import { selectNewAlerts } from '../support/call-selectors.ts';
import { parseNotification } from '../../lib/gws/parse.ts';
import { callEvent, deviceEvent, snapshot, wireCall } from '../fixtures/gws/builders.ts';

const T0 = 1_764_000_000_000;
const IDS = ['A', 'B', 'C', 'D', 'E'];
const STATES = ['Dialing', 'Ringing', 'Established', 'Held', 'Released', 'Weird'];

const callId = fc.constantFrom(...IDS);
const callState = fc.constantFrom(...STATES);
const parent = fc.option(fc.constantFrom(...IDS), { nil: undefined });
const wire = fc.record({ id: callId, state: callState, parent, duration: fc.nat({ max: 600 }) });

const action: fc.Arbitrary<StoreAction> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(wire, fc.constantFrom('StatusChange', 'ParticipantsUpdated', 'DtmfSent', 'Mystery'))
      .map(([c, nt]): StoreAction => ({
        type: 'event',
        event: callEvent(
          c.id,
          c.state,
          {
            duration: String(c.duration),
            ...(c.parent ? { parentCallUri: `http://h/api/v2/me/calls/${c.parent}` } : {}),
          },
          nt,
        ),
      })),
  },
  {
    weight: 2,
    arbitrary: fc.array(wire, { maxLength: 5 }).map((calls): StoreAction => ({
      type: 'recovery',
      snapshot: snapshot(
        calls.map((c) =>
          wireCall(c.id, c.state, c.parent ? { parentCallPath: `/calls/${c.parent}` } : {}),
        ),
      ),
    })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<StoreAction>(
      { type: 'connection', connection: { kind: 'connecting' } },
      { type: 'connection', connection: { kind: 'connected' } },
      {
        type: 'connection',
        connection: { kind: 'reconnecting', attempt: 1, reason: '402::Unknown client' },
      },
      { type: 'connection', connection: { kind: 'sessionLost', reason: 'statusCode 20' } },
      { type: 'connection', connection: { kind: 'error', reason: 'x' } },
      { type: 'logged-out' },
      { type: 'event', event: deviceEvent() },
      { type: 'event', event: deviceEvent({ doNotDisturb: 'On', userState: { state: 'Ready' } }) },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.subarray(IDS).map((callIds): StoreAction => ({ type: 'alerts-ack', callIds })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.nat({ max: 20 }),
        fc.constantFrom('Answer', 'Hold', 'Dial', 'Ready'),
        fc.option(callId, { nil: undefined }),
      )
      .map(([n, operation, id]): StoreAction =>
        id === undefined
          ? { type: 'intent', id: `i${n}`, operation }
          : { type: 'intent', id: `i${n}`, operation, callId: id },
      ),
  },
  {
    weight: 1,
    arbitrary: fc.option(callId, { nil: undefined }).map((id): StoreAction => ({
      type: 'event',
      event: parseNotification({
        data: { messageType: 'ErrorMessage', errorCode: 1, ...(id ? { call: { id } } : {}) },
      }) as never,
    })),
  },
);

/** Time steps: mostly forward, sometimes a long pause, sometimes the clock stepping back. */
const delta = fc.oneof(
  fc.integer({ min: 0, max: 3000 }),
  fc.constant(200_000),
  fc.integer({ min: -5000, max: 0 }),
);

describe('calls store properties', () => {
  it('keeps invariants and alerts each call at most once, whatever the sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(action, delta), { minLength: 1, maxLength: 60 }), (steps) => {
        let state: CallsState = initialCallsState(T0);
        let now = T0;
        const alerted = new Map<string, number>();
        for (const [a, d] of steps) {
          now += d;
          const next = reduce(state, a, now);
          expect(checkInvariants(next)).toEqual([]);
          for (const alert of selectNewAlerts(state, next))
            alerted.set(alert.callId, (alerted.get(alert.callId) ?? 0) + 1);
          state = next;
        }
        for (const count of alerted.values()) expect(count).toBe(1);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      }),
      { numRuns: 1500 },
    );
  });

  it('applies duplicated actions idempotently (duplicate delivery)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(action, delta), { maxLength: 30 }), action, (prefix, dup) => {
        let state = initialCallsState(T0);
        let now = T0;
        for (const [a, d] of prefix) state = reduce(state, a, (now += Math.max(d, 0)));
        if (dup.type === 'intent') return; // a repeated intent id restarts its timer by design
        const once = reduce(state, dup, now);
        expect(reduce(once, dup, now)).toEqual(once);
      }),
      { numRuns: 1500 },
    );
  });

  it('never lets a released call come back, whatever arrives later', () => {
    fc.assert(
      fc.property(callId, fc.array(fc.tuple(action, delta), { maxLength: 40 }), (id, later) => {
        let state = reduce(
          reduce(initialCallsState(T0), { type: 'event', event: callEvent(id, 'Established') }, T0),
          { type: 'event', event: callEvent(id, 'Released') },
          T0 + 1,
        );
        let now = T0 + 1;
        for (const [a, d] of later) {
          if (a.type === 'logged-out') continue;
          state = reduce(state, a, (now += Math.max(d, 0)));
          expect(state.calls.some((r) => r.call.id === id)).toBe(false);
        }
      }),
      { numRuns: 800 },
    );
  });
});
