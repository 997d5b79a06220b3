// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SessionOperation } from '../../lib/session/operations.ts';
import { initialCallsState, type CallsState } from '@/lib/calls';
import { pickKeyboardAction, runKeyboardCommand } from '@/lib/background/keyboard-commands';
import {
  CONSULT_ID,
  ESTABLISHED_CAPS,
  MAIN_ID,
  RINGING_ID,
  T0,
  build,
  callEventFrom,
  consultPair,
  establishedCall,
  eventAction,
  signedIn,
  snapshotAction,
} from './popup-harness';

// States are built with the real store from the GWS fixtures (tests/unit/popup-harness.tsx).
const ringing = (id: string, patch: Record<string, unknown> = {}) =>
  eventAction(callEventFrom('call-ringing-inbound', { id, ...patch }));
const held = (id: string, caps = ['Retrieve', 'Hangup']) =>
  eventAction(establishedCall({ id, state: 'Held', capabilities: caps }));

function pick(command: string, state: CallsState) {
  return pickKeyboardAction(command, state);
}

describe('pickKeyboardAction', () => {
  it('does nothing while signed out', () => {
    const state = build([ringing(RINGING_ID)], initialCallsState(T0));
    expect(pick('answer-call', state)).toEqual({ kind: 'none', reason: 'not signed in' });
  });

  it('answer takes the ringing call that has waited longest', () => {
    const state = signedIn(ringing('second-ring'), ringing(RINGING_ID));
    expect(pick('answer-call', state)).toEqual({
      kind: 'call',
      callId: 'second-ring',
      operation: 'Answer',
    });
  });

  it('answer ignores calls that do not offer Answer, and non-ringing calls', () => {
    const state = signedIn(
      ringing(RINGING_ID, { capabilities: ['Hangup'] }),
      eventAction(establishedCall()),
    );
    expect(pick('answer-call', state)).toMatchObject({ kind: 'none' });
  });

  it('hang up and hold act on the call being talked on, never on the ringing one', () => {
    const state = signedIn(eventAction(establishedCall({ id: MAIN_ID })), ringing(RINGING_ID));
    expect(pick('hang-up-call', state)).toEqual({
      kind: 'call',
      callId: MAIN_ID,
      operation: 'Hangup',
    });
    expect(pick('toggle-hold', state)).toEqual({
      kind: 'call',
      callId: MAIN_ID,
      operation: 'Hold',
    });
    expect(pick('answer-call', state)).toEqual({
      kind: 'call',
      callId: RINGING_ID,
      operation: 'Answer',
    });
  });

  it('a ringing call alone is neither hung up nor held by the shortcuts', () => {
    const state = signedIn(ringing(RINGING_ID));
    expect(pick('hang-up-call', state)).toMatchObject({ kind: 'none' });
    expect(pick('toggle-hold', state)).toMatchObject({ kind: 'none' });
  });

  it('hold toggle retrieves the held call; hang up leaves a held call alone', () => {
    const state = signedIn(held(MAIN_ID));
    expect(pick('toggle-hold', state)).toEqual({
      kind: 'call',
      callId: MAIN_ID,
      operation: 'Retrieve',
    });
    expect(pick('hang-up-call', state)).toMatchObject({ kind: 'none' });
  });

  it('of two held calls, retrieves the one held last', () => {
    const state = signedIn(held('held-first'), held('held-last'));
    expect(pick('toggle-hold', state)).toMatchObject({
      callId: 'held-last',
      operation: 'Retrieve',
    });
  });

  it('during a consultation, hang up ends the consult call and hold retrieves nothing', () => {
    const state = signedIn(...consultPair());
    expect(pick('hang-up-call', state)).toEqual({
      kind: 'call',
      callId: CONSULT_ID,
      operation: 'Hangup',
    });
    // The original call is held for the transfer; bringing it back while the consult call
    // is live would leave the agent on two calls.
    expect(pick('toggle-hold', state)).toMatchObject({ kind: 'none' });
  });

  it("acts on the agent's own calls only, never on a supervisor's monitoring call", () => {
    // A supervisor talking to a customer, then listening in to a colleague (a newer call, the
    // one "hang up the newest" would have taken): Cancel supervision ends that, not Hang up.
    const listening = eventAction(
      establishedCall({
        id: 'monitoring',
        monitoring: true,
        capabilities: ['Hangup', 'SwitchToCoach', 'SwitchToBargeIn'],
      }),
    );
    const state = signedIn(eventAction(establishedCall({ id: MAIN_ID })), listening);
    expect(pick('hang-up-call', state)).toEqual({
      kind: 'call',
      callId: MAIN_ID,
      operation: 'Hangup',
    });
    expect(pick('hang-up-call', signedIn(listening))).toEqual({
      kind: 'none',
      reason: 'no active call',
    });
    // Barged in, the monitoring call offers the whole Established set (§8): still not held,
    // and a held call of the agent's own is not brought back while the supervisor talks on it.
    const barged = eventAction(
      establishedCall({
        id: 'monitoring',
        monitoring: true,
        capabilities: [...ESTABLISHED_CAPS, 'SwitchToListenIn'],
      }),
    );
    expect(pick('toggle-hold', signedIn(barged))).toMatchObject({ kind: 'none' });
    expect(pick('hang-up-call', signedIn(barged))).toMatchObject({ kind: 'none' });
    expect(pick('toggle-hold', signedIn(held(MAIN_ID), barged))).toMatchObject({ kind: 'none' });
    // A monitoring call that rings is not answered by the agent's Answer key either.
    const ringingMonitor = ringing('monitoring', {
      monitoring: true,
      capabilities: ['Answer', 'SwitchToCoach'],
    });
    expect(pick('answer-call', signedIn(ringingMonitor, ringing(RINGING_ID)))).toEqual({
      kind: 'call',
      callId: RINGING_ID,
      operation: 'Answer',
    });
  });

  it('only chooses operations the call offers', () => {
    const noHangup = ESTABLISHED_CAPS.filter((c) => c !== 'Hangup' && c !== 'Hold');
    const state = signedIn(eventAction(establishedCall({ capabilities: noHangup })));
    expect(pick('hang-up-call', state)).toMatchObject({ kind: 'none' });
    expect(pick('toggle-hold', state)).toMatchObject({ kind: 'none' });
  });

  it('ready toggle: Not Ready → Ready, Ready → Not Ready', () => {
    expect(pick('toggle-ready', signedIn())).toEqual({
      kind: 'agent-state',
      operationName: 'Ready',
    });
    const ready = build([
      { type: 'connection', connection: { kind: 'connecting' } },
      snapshotAction((user) => {
        const devices = user.devices as Array<Record<string, unknown>>;
        devices[0]!.userState = {
          id: '9430250E-0A1B-421F-B372-F29E69366DED',
          displayName: 'Ready',
          state: 'Ready',
        };
      }),
      { type: 'connection', connection: { kind: 'connected' } },
    ]);
    expect(pick('toggle-ready', ready)).toEqual({ kind: 'agent-state', operationName: 'NotReady' });
  });

  it('ready toggle needs a phone device', () => {
    const noDevice = build([
      { type: 'connection', connection: { kind: 'connecting' } },
      snapshotAction((user) => (user.devices = [])),
      { type: 'connection', connection: { kind: 'connected' } },
    ]);
    expect(pick('toggle-ready', noDevice)).toEqual({ kind: 'none', reason: 'no phone device' });
  });

  it('an unknown command does nothing', () => {
    expect(pick('make-coffee', signedIn())).toMatchObject({ kind: 'none' });
  });
});

describe('runKeyboardCommand', () => {
  it('sends the picked operation as a pending intent and records what it did', async () => {
    const performed: SessionOperation[] = [];
    const records: string[] = [];
    await runKeyboardCommand(
      {
        calls: signedIn(ringing(RINGING_ID)),
        operate: async (operation) => void performed.push(operation),
        diagnostics: { record: (_kind, summary) => void records.push(summary) },
      },
      'answer-call',
    );
    expect(performed).toEqual([
      { kind: 'call', callId: RINGING_ID, request: { operation: 'Answer' } },
    ]);
    expect(records).toEqual([`shortcut answer-call: Answer ${RINGING_ID}`]);
  });

  it('a failed operation is recorded, not thrown', async () => {
    const records: string[] = [];
    await runKeyboardCommand(
      {
        calls: signedIn(eventAction(establishedCall({ id: MAIN_ID }))),
        operate: async () => {
          throw new Error('voice down');
        },
        diagnostics: { record: (kind, summary) => void records.push(`${kind}: ${summary}`) },
      },
      'hang-up-call',
    );
    expect(records.at(-1)).toBe('error: shortcut hang-up-call failed');
  });
});
