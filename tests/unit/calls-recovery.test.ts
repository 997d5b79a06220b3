import { describe, expect, it } from 'vitest';
import {
  checkInvariants,
  initialCallsState,
  reduce,
  selectAgentStatus,
  type CallsState,
  type StoreAction,
} from '../../lib/calls/index.ts';
import { parseUserSnapshot } from '../../lib/gws/parse.ts';
import type { UserSnapshot } from '../../lib/gws/types.ts';
import { callEvent, snapshot, wireCall, wireDevice } from '../fixtures/gws/builders.ts';
import { loadFixture } from '../fixtures/gws/load.ts';

const T0 = 1_764_000_000_000;

function step(state: CallsState, action: StoreAction, now = state.clock + 1000): CallsState {
  const next = reduce(state, action, now);
  expect(checkInvariants(next)).toEqual([]);
  return next;
}
const recover = (
  state: CallsState,
  snap: UserSnapshot,
  takenAt?: number,
  now?: number,
): CallsState =>
  step(
    state,
    takenAt === undefined
      ? { type: 'recovery', snapshot: snap }
      : { type: 'recovery', snapshot: snap, takenAt },
    now,
  );
const event = (state: CallsState, e: ReturnType<typeof callEvent>, now?: number): CallsState =>
  step(state, { type: 'event', event: e }, now);

describe('recovery merge (gws-api.md §5.6)', () => {
  it('replaces local calls with the snapshot version', () => {
    let state = event(initialCallsState(T0), callEvent('A', 'Established'));
    state = recover(state, snapshot([wireCall('A', 'Held', { userData: { fromSnapshot: true } })]));
    expect(state.calls.map((r) => [r.call.id, r.call.state, r.call.userData])).toEqual([
      ['A', 'Held', { fromSnapshot: true }],
    ]);
    expect(state.calls[0]?.history.map((h) => h.state)).toEqual(['Established', 'Held']);
  });

  it('ends local calls missing from the snapshot, and they stay gone', () => {
    let state = event(
      event(initialCallsState(T0), callEvent('A', 'Established')),
      callEvent('B', 'Held'),
    );
    state = recover(state, snapshot([wireCall('B', 'Held')]));
    expect(state.calls.map((r) => r.call.id)).toEqual(['B']);
    expect(state.ended.map((r) => [r.call.id, r.endReason])).toEqual([['A', 'recovery']]);
    state = event(state, callEvent('A', 'Established'));
    expect(state.calls.map((r) => r.call.id)).toEqual(['B']);
  });

  it('adds new calls; a new ringing call alerts exactly once', () => {
    const snap = snapshot([wireCall('R', 'Ringing'), wireCall('E', 'Established')]);
    let state = recover(initialCallsState(T0), snap);
    expect(state.calls.map((r) => r.call.id).sort()).toEqual(['E', 'R']);
    expect(state.alerts.map((a) => [a.callId, a.source])).toEqual([['R', 'recovery']]);
    state = recover(state, snap);
    state = event(state, callEvent('R', 'Ringing'));
    state = step(state, { type: 'alerts-ack', callIds: ['R'] });
    state = recover(state, snap);
    expect(state.alertedIds).toEqual(['R']);
    expect(state.alerts).toEqual([]);
  });

  it('does not alert again for a ringing call that already alerted from a notification', () => {
    let state = event(initialCallsState(T0), callEvent('R', 'Ringing'));
    state = step(state, { type: 'alerts-ack', callIds: ['R'] });
    state = recover(state, snapshot([wireCall('R', 'Ringing')]));
    expect(state.alerts).toEqual([]);
  });

  it('is idempotent: the same snapshot twice changes nothing the second time', () => {
    const snap = parseUserSnapshot(loadFixture('me-subresources'));
    if (!snap.ok) throw new Error(snap.reason);
    const once = recover(initialCallsState(T0), snap.value);
    expect(recover(once, snap.value, undefined, once.clock)).toEqual(once);
  });

  it('never revives a call already seen Released (a stale snapshot may still list it)', () => {
    let state = event(
      event(initialCallsState(T0), callEvent('A', 'Established')),
      callEvent('A', 'Released'),
    );
    state = recover(state, snapshot([wireCall('A', 'Established')]));
    expect(state.calls).toEqual([]);
  });

  it('keeps calls updated by notifications after the snapshot request was sent', () => {
    let state = event(initialCallsState(T0), callEvent('OLD', 'Established'), T0 + 1000);
    const takenAt = T0 + 2000;
    state = event(state, callEvent('NEW', 'Ringing'), T0 + 3000);
    state = event(state, callEvent('OLD', 'Held'), T0 + 3500);
    state = recover(state, snapshot([wireCall('OLD', 'Established')]), takenAt, T0 + 4000);
    expect(state.calls.map((r) => [r.call.id, r.call.state])).toEqual([
      ['OLD', 'Held'],
      ['NEW', 'Ringing'],
    ]);
  });

  it('ends a call the snapshot reports as Released', () => {
    let state = event(initialCallsState(T0), callEvent('A', 'Established'));
    state = recover(state, snapshot([wireCall('A', 'Released')]));
    expect(state.ended.map((r) => [r.call.id, r.endReason])).toEqual([['A', 'released']]);
  });

  it('leaves calls alone when the body had no calls member', () => {
    let state = event(initialCallsState(T0), callEvent('A', 'Established'));
    const devicesOnly = parseUserSnapshot({
      statusCode: 0,
      user: { id: 'u', devices: [wireDevice()] },
    });
    if (!devicesOnly.ok) throw new Error(devicesOnly.reason);
    state = recover(state, devicesOnly.value);
    expect(state.calls.map((r) => r.call.id)).toEqual(['A']);
    expect(state.agent.devices).toHaveLength(1);
  });

  it('replaces devices, keeping time in state when the state did not change', () => {
    let state = recover(
      initialCallsState(T0),
      snapshot([], [wireDevice(), wireDevice({ id: 'other', deviceState: 'Inactive' })]),
      undefined,
      T0 + 1000,
    );
    expect(selectAgentStatus(state).since).toBe(T0 + 1000);
    state = recover(
      state,
      snapshot([], [wireDevice({ doNotDisturb: 'On' })]),
      undefined,
      T0 + 5000,
    );
    expect(state.agent.devices.map((d) => d.device.id)).toEqual([
      'bb7aeea8-bcf1-4b56-a4e7-013e1ee5391d',
    ]);
    expect(selectAgentStatus(state)).toMatchObject({ since: T0 + 1000, doNotDisturb: true });
    state = recover(
      state,
      snapshot([], [wireDevice({ userState: { state: 'Ready' } })]),
      undefined,
      T0 + 9000,
    );
    expect(selectAgentStatus(state).since).toBe(T0 + 9000);
  });

  it('takes the user and the agent-state catalogue from the snapshot', () => {
    const snap = parseUserSnapshot(loadFixture('me-subresources'));
    if (!snap.ok) throw new Error(snap.reason);
    const state = recover(initialCallsState(T0), snap.value);
    expect(state.agent.user?.userName).toBe('agent1');
    expect(state.agent.agentStates.map((s) => s.operationName)).toContain('OutToLunch');
    expect(state.agent.channels.map((c) => c.channel.channel)).toEqual(['voice']);
  });
});
