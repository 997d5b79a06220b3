import { describe, expect, it } from 'vitest';
import {
  callDurationMs,
  checkInvariants,
  ENDED_RETENTION_MS,
  initialCallsState,
  reduce,
  selectAgentStatus,
  type CallsState,
  type StoreAction,
} from '../../lib/calls/index.ts';
import {
  selectConsultPairs,
  selectExpiredIntents,
  selectNewAlerts,
} from '../support/call-selectors.ts';
import type { GwsEvent, WireCall } from '../../lib/gws/types.ts';
import { parseNotification } from '../../lib/gws/parse.ts';
import { callEvent, deviceEvent, snapshot, wireDevice } from '../fixtures/gws/builders.ts';
import { STALE_RETURN_WINDOW_MS } from '../../lib/calls/agent.ts';
import { loadFixture } from '../fixtures/gws/load.ts';

const T0 = 1_764_000_000_000;

/** Applies actions one per second from T0 (or the given times) and checks invariants after each. */
function run(
  actions: Array<StoreAction | GwsEvent>,
  start: CallsState = initialCallsState(T0),
  times?: number[],
): CallsState {
  let state = start;
  actions.forEach((a, i) => {
    const action: StoreAction = 'kind' in a ? { type: 'event', event: a } : a;
    state = reduce(state, action, times?.[i] ?? state.clock + 1000);
    expect(checkInvariants(state)).toEqual([]);
  });
  return state;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const RING = 'NR0O3ITJ5P0TP0HCUNKM9PPH4K00000D';

describe('calls store: lifecycle', () => {
  it('adds a ringing inbound call from the §5.5 sample and alerts once', () => {
    const event = parseNotification(loadFixture('call-ringing-inbound')) as GwsEvent;
    const state = run([event]);
    expect(state.calls.map((r) => [r.call.id, r.call.state])).toEqual([[RING, 'Ringing']]);
    expect(state.alerts).toMatchObject([
      {
        callId: RING,
        source: 'notification',
        ani: '5125',
        userData: { AccountNumber: '12345678' },
      },
    ]);
    expect(state.alertedIds).toEqual([RING]);
  });

  it('records state history with timestamps and no consecutive duplicates', () => {
    const state = run(
      [
        callEvent('A', 'Ringing'),
        callEvent('A', 'Ringing'),
        callEvent('A', 'Established'),
        callEvent('A', 'Held'),
        callEvent('A', 'Established'),
      ],
      initialCallsState(T0),
      [T0 + 1000, T0 + 2000, T0 + 3000, T0 + 4000, T0 + 5000],
    );
    expect(state.calls[0]?.history).toEqual([
      { state: 'Ringing', at: T0 + 1000 },
      { state: 'Established', at: T0 + 3000 },
      { state: 'Held', at: T0 + 4000 },
      { state: 'Established', at: T0 + 5000 },
    ]);
  });

  it('treats duplicate notifications as no-ops', () => {
    const once = run([
      callEvent('A', 'Ringing'),
      callEvent('A', 'Established', { userData: { k: 'v' } }, 'AttachedDataChanged'),
    ]);
    const again = reduce(
      once,
      {
        type: 'event',
        event: callEvent('A', 'Established', { userData: { k: 'v' } }, 'AttachedDataChanged'),
      },
      once.clock,
    );
    expect(again).toEqual(once);
    expect(again.alerts).toHaveLength(1);
  });

  it('back-dates the start by the wire duration at first sight and never reports negative durations', () => {
    const state = run([callEvent('A', 'Established', { duration: '30' })], initialCallsState(T0), [
      T0,
    ]);
    const record = state.calls[0];
    if (!record) throw new Error('no call');
    expect(record.startedAt).toBe(T0 - 30_000);
    expect(callDurationMs(record, T0 + 5000)).toBe(35_000);
    expect(callDurationMs(record, T0 - 60_000)).toBe(0);
  });

  it('keeps histories ordered when the wall clock steps back', () => {
    const state = run(
      [callEvent('A', 'Ringing'), callEvent('A', 'Established')],
      initialCallsState(T0),
      [T0 + 5000, T0 + 1000],
    );
    const [first, second] = state.calls[0]?.history ?? [];
    expect(second && first && second.at >= first.at).toBe(true);
  });

  it('carries calls in unknown states and lets known states follow', () => {
    const state = run([callEvent('A', 'Completed'), callEvent('A', 'Established')]);
    expect(state.calls[0]?.history.map((h) => h.state)).toEqual(['Completed', 'Established']);
  });

  it('is pure: the input state is never mutated', () => {
    const start = deepFreeze(run([callEvent('A', 'Ringing'), callEvent('P', 'Established')]));
    const snapshotJson = JSON.stringify(start);
    const actions: StoreAction[] = [
      { type: 'event', event: callEvent('A', 'Established') },
      { type: 'event', event: callEvent('P', 'Released') },
      { type: 'event', event: deviceEvent() },
      { type: 'intent', id: 'i1', operation: 'Hold', callId: 'A' },
      { type: 'connection', connection: { kind: 'connected' } },
      { type: 'alerts-ack', callIds: ['A'] },
      { type: 'logged-out' },
    ];
    for (const action of actions) expect(() => reduce(start, action, T0 + 99_000)).not.toThrow();
    expect(JSON.stringify(start)).toBe(snapshotJson);
  });

  it('stays JSON-serializable (plain data only)', () => {
    const state = run([
      callEvent('A', 'Ringing'),
      deviceEvent(),
      callEvent('A', 'Released'),
      { type: 'connection', connection: { kind: 'connected' } },
    ]);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(structuredClone(state)).toEqual(state);
  });
});

describe('calls store: Released and ghosts', () => {
  it('moves a released call to ended and out of the active set', () => {
    const state = run([
      callEvent('A', 'Ringing'),
      callEvent('A', 'Established'),
      callEvent('A', 'Released'),
    ]);
    expect(state.calls).toEqual([]);
    expect(state.ended.map((r) => [r.call.id, r.endReason, r.call.state])).toEqual([
      ['A', 'released', 'Released'],
    ]);
    expect(state.ended[0]?.history.map((h) => h.state)).toEqual([
      'Ringing',
      'Established',
      'Released',
    ]);
  });

  it('ignores late or duplicate notifications for a released call (no resurrection)', () => {
    const released = run([callEvent('A', 'Ringing'), callEvent('A', 'Released')]);
    const late = run(
      [callEvent('A', 'Established'), callEvent('A', 'Released'), callEvent('A', 'Ringing')],
      released,
    );
    expect(late.calls).toEqual([]);
    expect(late.ended).toHaveLength(1);
    expect(late.alerts).toHaveLength(1);
  });

  it('never shows a call whose first notification is Released, even if older ones arrive later', () => {
    const state = run([
      callEvent('Z', 'Released'),
      callEvent('Z', 'Ringing'),
      callEvent('Z', 'Established'),
    ]);
    expect(state.calls).toEqual([]);
    expect(state.ended).toEqual([]);
    expect(state.alerts).toEqual([]);
    expect(state.tombstones).toContain('Z');
  });

  it('forgets ended calls after the retention time', () => {
    const state = run([callEvent('A', 'Ringing'), callEvent('A', 'Released')]);
    const later = reduce(
      state,
      { type: 'connection', connection: { kind: 'connected' } },
      state.clock + ENDED_RETENTION_MS + 1,
    );
    expect(later.ended).toEqual([]);
    expect(
      reduce(later, { type: 'event', event: callEvent('A', 'Ringing') }, later.clock + 1).calls,
    ).toEqual([]);
  });
});

describe('calls store: out-of-order rule', () => {
  it('drops a setup state arriving after the call connected', () => {
    const dialing = run([callEvent('A', 'Established'), callEvent('A', 'Dialing')]);
    expect(dialing.calls[0]?.call.state).toBe('Established');
    const ringing = run([callEvent('B', 'Held'), callEvent('B', 'Ringing')]);
    expect(ringing.calls[0]?.call.state).toBe('Held');
    expect(ringing.alerts).toEqual([]);
  });

  it('lets the last arrival win between Established and Held', () => {
    expect(run([callEvent('A', 'Established'), callEvent('A', 'Held')]).calls[0]?.call.state).toBe(
      'Held',
    );
    expect(run([callEvent('A', 'Held'), callEvent('A', 'Established')]).calls[0]?.call.state).toBe(
      'Established',
    );
  });

  it('handles a swapped Dialing/Established pair', () => {
    const state = run([
      callEvent('A', 'Established', { callType: 'Outbound' }),
      callEvent('A', 'Dialing', { callType: 'Outbound' }),
    ]);
    expect(state.calls[0]?.history.map((h) => h.state)).toEqual(['Established']);
  });
});

describe('calls store: out-of-order rule for devices and channels', () => {
  const ready = { state: 'Ready', displayName: 'Ready' } as const;
  const inactive = (): GwsEvent => {
    const event = deviceEvent({ deviceState: 'Inactive' });
    if (event.kind === 'device') delete event.devices[0]!.userState;
    return event;
  };
  const channelEvent = (state: string, name = 'voice'): GwsEvent => {
    const event = parseNotification({
      channel: '/v2/me/channels',
      data: {
        messageType: 'ChannelStateChangeMessageV2',
        channels: [{ channel: name, dndState: 'Off', userState: { state } }],
      },
    });
    if (event.kind === 'unrecognised') throw new Error(event.reason);
    return event;
  };

  it('a Ready delivered after EndContactCenterSession made the device Inactive is stale', () => {
    const state = run([deviceEvent(), inactive(), deviceEvent({ userState: ready })]);
    expect(state.agent.devices[0]?.device.deviceState).toBe('Inactive');
    expect(state.agent.devices[0]?.device.userState).toBeUndefined();
  });

  it('the device comes back once the reorder window has passed, or with a snapshot', () => {
    const later = run(
      [deviceEvent(), inactive(), deviceEvent({ userState: ready })],
      initialCallsState(T0),
      [T0 + 1000, T0 + 2000, T0 + 2000 + STALE_RETURN_WINDOW_MS],
    );
    expect(later.agent.devices[0]?.device).toMatchObject({
      deviceState: 'Active',
      userState: { state: 'Ready' },
    });
    const snapped = run([
      deviceEvent(),
      inactive(),
      { type: 'recovery', snapshot: snapshot([], [wireDevice({ userState: ready })]) },
    ]);
    expect(snapped.agent.devices[0]?.device.deviceState).toBe('Active');
  });

  it('channels follow the same rule: LoggedOut is not undone by a late Ready', () => {
    const state = run([channelEvent('Ready'), channelEvent('LoggedOut'), channelEvent('Ready')]);
    expect(state.agent.channels[0]?.channel.userState?.state).toBe('LoggedOut');
    // Other channels and in-service changes are untouched.
    const other = run([channelEvent('LoggedOut', 'email'), channelEvent('Ready')]);
    expect(other.agent.channels.map((c) => c.channel.userState?.state)).toEqual([
      'LoggedOut',
      'Ready',
    ]);
    const flip = run([channelEvent('Ready'), channelEvent('NotReady')]);
    expect(flip.agent.channels[0]?.channel.userState?.state).toBe('NotReady');
  });
});

describe('calls store: consult calls', () => {
  const parentUri = 'http://127.0.0.1:8080/api/v2/me/calls/P';
  it('links a consult call to its parent and pairs them', () => {
    const state = run([
      callEvent('P', 'Established'),
      callEvent('P', 'Held'),
      callEvent('C', 'Dialing', { callType: 'Consult', parentCallUri: parentUri }),
    ]);
    expect(state.calls.find((r) => r.call.id === 'C')?.parentId).toBe('P');
    expect(state.calls.find((r) => r.call.id === 'P')?.consultIds).toEqual(['C']);
    expect(selectConsultPairs(state).map((p) => [p.main.call.id, p.consult.call.id])).toEqual([
      ['P', 'C'],
    ]);
  });

  it('links a consult seen before its parent once the parent shows up, and unlinks when the parent is forgotten', () => {
    let state = run([callEvent('C', 'Dialing', { callType: 'Consult', parentCallUri: parentUri })]);
    expect(state.calls[0]?.parentId).toBeUndefined();
    state = run([callEvent('P', 'Held'), callEvent('P', 'Released')], state);
    expect(state.calls.find((r) => r.call.id === 'C')?.parentId).toBe('P');
    expect(state.ended[0]?.consultIds).toEqual(['C']);
    state = reduce(
      state,
      {
        type: 'event',
        event: callEvent('C', 'Established', { callType: 'Consult', parentCallUri: parentUri }),
      },
      state.clock + ENDED_RETENTION_MS + 1,
    );
    expect(state.calls[0]?.parentId).toBeUndefined();
    expect(checkInvariants(state)).toEqual([]);
  });
});

describe('calls store: alerts', () => {
  it('queues each ringing call once, until acknowledged, and never again', () => {
    let state = run([callEvent('A', 'Ringing'), callEvent('B', 'Ringing')]);
    expect(state.alerts.map((a) => a.callId)).toEqual(['A', 'B']);
    const prev = state;
    state = run([{ type: 'alerts-ack', callIds: ['A'] }], state);
    expect(state.alerts.map((a) => a.callId)).toEqual(['B']);
    state = run(
      [callEvent('A', 'Ringing', { userData: { changed: 1 } }), callEvent('C', 'Ringing')],
      state,
    );
    expect(selectNewAlerts(prev, state).map((a) => a.callId)).toEqual(['C']);
  });

  it('does not alert for dialing, established or held calls', () => {
    const state = run([
      callEvent('A', 'Dialing'),
      callEvent('B', 'Established'),
      callEvent('C', 'Held'),
    ]);
    expect(state.alerts).toEqual([]);
  });
});

describe('calls store: intents and errors', () => {
  it('settles a call intent when a notification for that call arrives', () => {
    let state = run([
      callEvent('A', 'Ringing'),
      { type: 'intent', id: 'i1', operation: 'Answer', callId: 'A' },
    ]);
    expect(state.intents.map((i) => i.id)).toEqual(['i1']);
    state = run([callEvent('A', 'Established')], state);
    expect(state.intents).toEqual([]);
  });

  it('settles a Dial intent with the new Dialing call, and agent intents with a device event', () => {
    let state = run([
      { type: 'intent', id: 'd1', operation: 'Dial' },
      { type: 'intent', id: 'r1', operation: 'Ready' },
    ]);
    state = run([callEvent('N', 'Dialing', { callType: 'Outbound' })], state);
    expect(state.intents.map((i) => i.id)).toEqual(['r1']);
    state = run(
      [
        deviceEvent({
          userState: {
            id: '9430250E-0A1B-421F-B372-F29E69366DED',
            displayName: 'Ready',
            state: 'Ready',
          },
        }),
      ],
      state,
    );
    expect(state.intents).toEqual([]);
  });

  it('settles each Dial with the call to its own number, never with a consult call', () => {
    const dialling = (id: string, phoneNumber: string, extra: Partial<WireCall> = {}) =>
      callEvent(id, 'Dialing', { callType: 'Outbound', participants: [{ phoneNumber }], ...extra });
    let state = run([
      callEvent('A', 'Established'),
      { type: 'intent', id: 'd1', operation: 'Dial', destination: '+14155550101' },
      { type: 'intent', id: 'd2', operation: 'Dial', destination: '7002' },
      // A consult call of a transfer the agent started on A: no Dial's.
      dialling('C', '7003', { callType: 'Consult', parentCallUri: 'http://gws/api/v2/me/calls/A' }),
      // A call dialled from the desk phone: no Dial's either.
      dialling('P', '7009'),
    ]);
    expect(state.intents.map((i) => i.id)).toEqual(['d1', 'd2']);
    // The second Dial's call comes first: it settles that Dial, not the oldest.
    state = run([dialling('N2', '7002')], state);
    expect(state.intents.map((i) => i.id)).toEqual(['d1']);
    state = run([dialling('N1', '14155550101')], state);
    expect(state.intents).toEqual([]);
  });

  it('a Dialing call naming no number takes the oldest Dial (nothing else tells them apart)', () => {
    const state = run([
      { type: 'intent', id: 'd1', operation: 'Dial', destination: '+14155550101' },
      { type: 'intent', id: 'd2', operation: 'Dial', destination: '7002' },
      callEvent('N', 'Dialing', { callType: 'Outbound', participants: [], ani: '', dnis: '' }),
    ]);
    expect(state.intents.map((i) => i.id)).toEqual(['d2']);
  });

  it('hands a rewritten Dial the number asked for, only when its call is to the number dialled', () => {
    const rewrite = { asked: '+12125550176', dialled: '92125550176' };
    const dialling = (id: string, phoneNumber: string) =>
      callEvent(id, 'Dialing', { callType: 'Outbound', participants: [{ phoneNumber }] });
    let state = run([
      { type: 'intent', id: 'd1', operation: 'Dial', dial: rewrite },
      dialling('N', '92125550176'),
    ]);
    expect(state.calls[0]?.dialRewrite).toEqual(rewrite);
    // It stays with the call through its changes, and into the ended call.
    state = run(
      [callEvent('N', 'Established', { participants: [{ phoneNumber: '92125550176' }] })],
      state,
    );
    expect(state.calls[0]?.dialRewrite).toEqual(rewrite);
    state = run([callEvent('N', 'Released')], state);
    expect(state.ended[0]?.dialRewrite).toEqual(rewrite);
    // A Dialing call to someone else settles the Dial but is not given its number.
    state = run(
      [{ type: 'intent', id: 'd2', operation: 'Dial', dial: rewrite }, dialling('M', '7002')],
      state,
    );
    expect(state.intents).toEqual([]);
    expect(state.calls[0]?.dialRewrite).toBeUndefined();
  });

  it('hands a rewritten consultation the number asked for: the consult call settles it, not the Held original', () => {
    const rewrite = { asked: '+12125550177', dialled: '92125550177' };
    const consult = (id: string, phoneNumber: string) =>
      callEvent(id, 'Dialing', {
        callType: 'Consult',
        parentCallUri: 'http://gws/api/v2/me/calls/A',
        participants: [{ phoneNumber }],
      });
    let state = run([
      callEvent('A', 'Established'),
      { type: 'intent', id: 't1', operation: 'InitiateTransfer', callId: 'A', dial: rewrite },
      // The original goes Held first (§4.5): the transfer waits for its consult call.
      callEvent('A', 'Held'),
    ]);
    expect(state.intents.map((i) => i.id)).toEqual(['t1']);
    state = run([consult('C', '92125550177')], state);
    expect(state.intents).toEqual([]);
    expect(state.calls.find((r) => r.call.id === 'C')?.dialRewrite).toEqual(rewrite);
    expect(state.calls.find((r) => r.call.id === 'A')?.dialRewrite).toBeUndefined();
    // The other order settles it too.
    state = run([
      callEvent('B', 'Established'),
      { type: 'intent', id: 't2', operation: 'InitiateConference', callId: 'B', dial: rewrite },
      callEvent('D', 'Dialing', {
        callType: 'Consult',
        parentCallUri: 'http://gws/api/v2/me/calls/B',
        participants: [{ phoneNumber: '92125550177' }],
      }),
      callEvent('B', 'Held'),
    ]);
    expect(state.intents).toEqual([]);
    expect(state.calls.find((r) => r.call.id === 'D')?.dialRewrite).toEqual(rewrite);
    // A transfer the plan left alone is settled by the original's change, as before.
    state = run([
      callEvent('E', 'Established'),
      { type: 'intent', id: 't3', operation: 'InitiateTransfer', callId: 'E' },
      callEvent('E', 'Held'),
    ]);
    expect(state.intents).toEqual([]);
    // A consult call to someone else settles the transfer but is not given the number.
    state = run([
      callEvent('F', 'Established'),
      { type: 'intent', id: 't4', operation: 'InitiateTransfer', callId: 'F', dial: rewrite },
      callEvent('F', 'Held'),
      callEvent('G', 'Dialing', {
        callType: 'Consult',
        parentCallUri: 'http://gws/api/v2/me/calls/F',
        participants: [{ phoneNumber: '7002' }],
      }),
    ]);
    expect(state.intents).toEqual([]);
    expect(state.calls.find((r) => r.call.id === 'G')?.dialRewrite).toBeUndefined();
  });

  it('fails intents on ErrorMessage and records the error', () => {
    let state = run([
      callEvent('A', 'Established'),
      { type: 'intent', id: 'h1', operation: 'Hold', callId: 'A' },
      { type: 'intent', id: 'r1', operation: 'Ready' },
    ]);
    const error = parseNotification({
      data: {
        messageType: 'ErrorMessage',
        errorCode: 56,
        errorMessage: 'Invalid state',
        call: { id: 'A' },
      },
    }) as GwsEvent;
    state = run([error], state);
    expect(state.lastError).toMatchObject({
      errorCode: '56',
      errorMessage: 'Invalid state',
      callId: 'A',
      intentIds: ['h1'],
    });
    expect(state.intents.map((i) => i.id)).toEqual(['r1']);
    state = run([parseNotification(loadFixture('error-message')) as GwsEvent], state);
    expect(state.lastError?.intentIds).toEqual(['r1']);
    expect(state.intents).toEqual([]);
  });

  it('exposes expired intents and drops them on intents-expire', () => {
    let state = reduce(
      initialCallsState(T0),
      { type: 'intent', id: 'old', operation: 'Hold', callId: 'A' },
      T0,
    );
    state = reduce(
      state,
      { type: 'intent', id: 'new', operation: 'Retrieve', callId: 'A' },
      T0 + 6000,
    );
    expect(selectExpiredIntents(state, T0 + 8000, 8000).map((i) => i.id)).toEqual(['old']);
    state = reduce(state, { type: 'intents-expire', timeoutMs: 8000 }, T0 + 8000);
    expect(state.intents.map((i) => i.id)).toEqual(['new']);
    expect(reduce(state, { type: 'intent-settle', id: 'new' }, T0 + 8001).intents).toEqual([]);
  });
});

describe('calls store: agent and connection', () => {
  it('tracks userState with time in state, DND and forwarding', () => {
    let state = run([deviceEvent()], initialCallsState(T0), [T0 + 1000]);
    expect(selectAgentStatus(state)).toMatchObject({
      userState: { state: 'NotReady' },
      since: T0 + 1000,
      doNotDisturb: false,
    });
    state = run([deviceEvent({ doNotDisturb: 'On', forwardTo: '5001' })], state, [T0 + 2000]);
    expect(selectAgentStatus(state)).toMatchObject({
      since: T0 + 1000,
      doNotDisturb: true,
      forwardTo: '5001',
    });
    state = run([deviceEvent({ userState: { state: 'Ready', displayName: 'Ready' } })], state, [
      T0 + 3000,
    ]);
    expect(selectAgentStatus(state)).toMatchObject({
      userState: { state: 'Ready' },
      since: T0 + 3000,
      doNotDisturb: false,
    });
  });

  it('stamps connection changes and keeps the outage start across reconnect attempts', () => {
    let state = run(
      [{ type: 'connection', connection: { kind: 'connected' } }],
      initialCallsState(T0),
      [T0 + 10],
    );
    expect(state.connection).toEqual({ kind: 'connected', since: T0 + 10 });
    state = run(
      [
        {
          type: 'connection',
          connection: { kind: 'reconnecting', attempt: 1, reason: '402::Unknown client' },
        },
        { type: 'connection', connection: { kind: 'reconnecting', attempt: 2, reason: 'timeout' } },
      ],
      state,
      [T0 + 20, T0 + 30],
    );
    expect(state.connection).toEqual({
      kind: 'reconnecting',
      attempt: 2,
      reason: 'timeout',
      since: T0 + 20,
    });
  });

  it('clears the session on logout but never re-alerts the same call after re-login', () => {
    let state = run([callEvent('A', 'Ringing'), deviceEvent(), { type: 'logged-out' }]);
    expect(state.calls).toEqual([]);
    expect(state.agent.devices).toEqual([]);
    expect(state.connection).toEqual({ kind: 'loggedOut' });
    state = run([callEvent('A', 'Ringing')], state);
    expect(state.calls).toHaveLength(1);
    expect(state.alerts).toEqual([]);
    state = run([{ type: 'connection', connection: { kind: 'loggedOut' } }], state);
    expect(state.calls).toEqual([]);
    expect(run([{ type: 'reset' }], state)).toEqual(initialCallsState(state.clock + 1000));
  });
});
