import type { CallRecord, CallsView, ConnectionState, PartyNaming } from '../calls/index.ts';
import type { UserState } from '../gws/types.ts';
import { isMonitoringCall, partyCallOf, selectAgentStatus } from '../calls/index.ts';
import { t } from '../i18n/messages.ts';
import { partyLabel } from './call-view.ts';
import { userStateLabel } from './agent-state-view.ts';

export interface Change {
  text: string;
  /** Interrupts the screen reader (an incoming call); otherwise read when idle. */
  urgent: boolean;
}

export interface Announcement extends Change {
  /** Increases with every announcement, so the same words twice are read twice. */
  sequence: number;
}

/**
 * What changed between two pushed states, in words for the ARIA live region: incoming calls,
 * call state changes and ends, the agent's state, the connection. The first state after the
 * popup opens announces only calls that are ringing.
 */
export function describeChanges(
  previous: CallsView | undefined,
  next: CallsView,
  naming: PartyNaming = {},
): Change[] {
  const changes: Change[] = [];
  const before = new Map((previous?.calls ?? []).map((r) => [r.call.id, r]));
  for (const record of next.calls) {
    // A monitoring call is not a call with a party: the supervision panel's status says it.
    if (isMonitoringCall(record.call)) continue;
    const old = before.get(record.call.id);
    const change = callChange(old, record, previous === undefined, naming);
    if (change) changes.push(change);
  }
  if (!previous) return changes;

  const live = new Set(next.calls.map((r) => r.call.id));
  for (const old of previous.calls) {
    if (!live.has(old.call.id) && !isMonitoringCall(old.call)) {
      changes.push({
        text: t('announceCallEnded', partyLabel(partyCallOf(old), naming)),
        urgent: false,
      });
    }
  }
  const agent = agentChange(
    selectAgentStatus(previous).userState,
    selectAgentStatus(next).userState,
  );
  if (agent) changes.push(agent);
  const connection = connectionChange(previous.connection, next.connection);
  if (connection) changes.push(connection);
  const error = next.lastError;
  if (error && error !== previous.lastError && error.at !== previous.lastError?.at) {
    changes.push({
      text: t('announceError', error.errorMessage ?? error.errorCode ?? ''),
      urgent: true,
    });
  }
  return changes;
}

function callChange(
  old: CallRecord | undefined,
  record: CallRecord,
  firstState: boolean,
  naming: PartyNaming,
): Change | undefined {
  const state = record.call.state;
  if (old?.call.state === state) return undefined;
  const party = partyLabel(partyCallOf(record), naming);
  if (state === 'Ringing') return { text: t('announceIncoming', party), urgent: true };
  if (firstState) return undefined;
  switch (state) {
    case 'Dialing':
      return { text: t('announceDialing', party), urgent: false };
    case 'Established':
      return { text: t('announceEstablished', party), urgent: false };
    case 'Held':
      return { text: t('announceHeld', party), urgent: false };
    default:
      return undefined;
  }
}

function agentChange(old: UserState | undefined, next: UserState | undefined): Change | undefined {
  if (!next) return undefined;
  const label = userStateLabel(next);
  if (old && userStateLabel(old) === label) return undefined;
  return { text: t('announceAgentState', label), urgent: false };
}

function connectionChange(old: ConnectionState, next: ConnectionState): Change | undefined {
  if (old.kind === next.kind) return undefined;
  switch (next.kind) {
    case 'connected':
      return { text: t('announceConnected'), urgent: false };
    case 'reconnecting':
      return { text: t('announceReconnecting'), urgent: false };
    case 'sessionLost':
      return { text: t('announceSessionLost'), urgent: true };
    case 'error':
      return { text: t('announceConnectionError'), urgent: true };
    case 'loggedOut':
      return { text: t('announceLoggedOut'), urgent: false };
    default:
      return undefined;
  }
}
