import browser from 'webextension-polyfill';
import {
  hasCapability,
  isMonitoringCall,
  selectAgentStatus,
  stateSince,
  type CallRecord,
  type CallsState,
} from '../calls/index.ts';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import type { GwsSession } from '../session/gws-session.ts';
import type { OfferedOperation } from '../gws/call-operations.ts';

/** The manifest's `commands` this module handles (the popup has `_execute_action`). */
export const KEYBOARD_COMMANDS = [
  'answer-call',
  'hang-up-call',
  'toggle-hold',
  'toggle-ready',
] as const;
export type KeyboardCommand = (typeof KEYBOARD_COMMANDS)[number];

export type KeyboardCallOperation = OfferedOperation<'keyboard'>;

/** What a shortcut does in the current state. */
export type KeyboardAction =
  | { kind: 'call'; callId: string; operation: KeyboardCallOperation }
  | { kind: 'agent-state'; operationName: 'Ready' | 'NotReady' }
  | { kind: 'none'; reason: string };

const byFirstSeen = (a: CallRecord, b: CallRecord) => a.firstSeenAt - b.firstSeenAt;
const byStateSince = (a: CallRecord, b: CallRecord) => stateSince(a) - stateSince(b);

/** The agent's own calls: a supervisor's monitoring call is another agent's call. */
function ownCalls(state: CallsState): CallRecord[] {
  return state.calls.filter((r) => !isMonitoringCall(r.call));
}

function offering(state: CallsState, callState: string, operation: KeyboardCallOperation) {
  return ownCalls(state).filter((r) => r.call.state === callState && hasCapability(r, operation));
}

/**
 * Picks what a keyboard shortcut acts on, among the agent's own calls only: a supervisor's
 * monitoring call is left with Stop monitoring in the popup (Hang up there ends the
 * supervisor's leg, which is not what "hang up my call" means). Pure, so the choice is
 * testable:
 * - answer: the ringing call that has waited longest;
 * - hang up: the call the agent is talking on (established, else dialling), never a ringing
 *   or held one — during a consultation that is the consult call; the newest if several;
 * - hold toggle: holds the call the agent is talking on, else retrieves the call held last;
 * - ready toggle: Ready → Not Ready, anything else → Ready.
 * Only operations GWS offers in the call's capabilities are chosen (gws-api.md §7).
 */
export function pickKeyboardAction(command: string, state: CallsState): KeyboardAction {
  if (state.connection.kind !== 'connected' && state.connection.kind !== 'reconnecting') {
    return { kind: 'none', reason: 'not signed in' };
  }
  switch (command) {
    case 'answer-call': {
      const call = offering(state, 'Ringing', 'Answer').sort(byFirstSeen)[0];
      return call
        ? { kind: 'call', callId: call.call.id, operation: 'Answer' }
        : { kind: 'none', reason: 'no ringing call' };
    }
    case 'hang-up-call': {
      const talking = offering(state, 'Established', 'Hangup').sort(byFirstSeen).at(-1);
      const dialling = offering(state, 'Dialing', 'Hangup').sort(byFirstSeen).at(-1);
      const call = talking ?? dialling;
      return call
        ? { kind: 'call', callId: call.call.id, operation: 'Hangup' }
        : { kind: 'none', reason: 'no active call' };
    }
    case 'toggle-hold': {
      const talking = offering(state, 'Established', 'Hold').sort(byFirstSeen).at(-1);
      if (talking) return { kind: 'call', callId: talking.call.id, operation: 'Hold' };
      // Retrieving while another call is live would put the agent on two calls at once
      // (a monitoring call counts: a supervisor who barged in is talking on it).
      const busy = state.calls.some(
        (r) => r.call.state === 'Established' || r.call.state === 'Dialing',
      );
      const held = offering(state, 'Held', 'Retrieve').sort(byStateSince).at(-1);
      if (held && !busy) return { kind: 'call', callId: held.call.id, operation: 'Retrieve' };
      return { kind: 'none', reason: 'no call to hold or retrieve' };
    }
    case 'toggle-ready': {
      const status = selectAgentStatus(state);
      if (!status.deviceId) return { kind: 'none', reason: 'no phone device' };
      return {
        kind: 'agent-state',
        operationName: status.userState?.state === 'Ready' ? 'NotReady' : 'Ready',
      };
    }
    default:
      return { kind: 'none', reason: `unknown command ${command}` };
  }
}

export type KeyboardSession = Pick<GwsSession, 'calls' | 'operate'> & {
  readonly diagnostics: Pick<DiagnosticsLog, 'record'>;
};

/**
 * Runs a keyboard shortcut on the live session, through the same pending-intent path as the
 * popup's buttons: the effect shows when GWS reports it.
 */
export async function runKeyboardCommand(session: KeyboardSession, command: string): Promise<void> {
  const action = pickKeyboardAction(command, session.calls);
  session.diagnostics.record('session', `shortcut ${command}: ${describe(action)}`);
  try {
    if (action.kind === 'call') {
      const { callId, operation } = action;
      await session.operate({ kind: 'call', callId, request: { operation } });
    } else if (action.kind === 'agent-state') {
      await session.operate({ kind: 'agent-state', operationName: action.operationName });
    }
  } catch (error) {
    session.diagnostics.record('error', `shortcut ${command} failed`, String(error));
  }
}

function describe(action: KeyboardAction): string {
  if (action.kind === 'call') return `${action.operation} ${action.callId}`;
  if (action.kind === 'agent-state') return action.operationName;
  return `nothing to do (${action.reason})`;
}

/** Registers the `commands.onCommand` listener; call synchronously at the worker's top level. */
export function listenToKeyboardCommands(session: () => KeyboardSession): void {
  browser.commands.onCommand.addListener((command: string) => {
    void runKeyboardCommand(session(), command);
  });
}
