import {
  hasCapability,
  isMonitoringCall,
  otherParty,
  partyCallOf,
  recordNumbers,
  sameNumber,
  selectActiveCalls,
  type CallRecord,
  type CallsState,
  type PartyNaming,
} from '../calls/index.ts';
import type {
  PageCallAction,
  PageLiveCall,
  PageLookup,
  PageOperation,
  PageOtherCall,
  PageTransferAction,
} from '../messaging/page-messages.ts';
import { CommandRejectedError } from '../session/errors.ts';
import {
  operationsOfferedBy,
  readCallOperation,
  type CallOperationRequest,
} from '../gws/call-operations.ts';
import { formatDataValue } from '../ui/format.ts';
import { callDegradation } from '../ui/degraded.ts';

const CALL_ACTIONS: readonly PageCallAction[] = operationsOfferedBy('page-call');
const TRANSFER_ACTIONS: readonly PageTransferAction[] = operationsOfferedBy('page-transfer');
/** Attached-data pairs a page card shows at most, and the longest value. */
const MAX_USER_DATA = 20;
const MAX_VALUE_LENGTH = 200;

/** The call involves `number`, also as the agent asked to dial it before the dial plan. */
function involves(record: CallRecord, number: string): boolean {
  return recordNumbers(record).some((n) => sameNumber(n, number));
}

/** Whether `number` is a party on one of the agent's live calls. */
export function isOnLiveCall(state: CallsState, number: string): boolean {
  return selectActiveCalls(state).some((record) => involves(record, number));
}

function userDataPairs(data: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(data)
    .slice(0, MAX_USER_DATA)
    .map(([key, value]): [string, string] => [
      key,
      formatDataValue(value).slice(0, MAX_VALUE_LENGTH),
    ]);
}

/** The other call's party as the card names it: its name, else the number as GWS formats it. */
function partyOf(record: CallRecord, naming: PartyNaming): string {
  const party = otherParty(partyCallOf(record), naming);
  return party.name ?? (party.participant?.formattedPhoneNumber || party.number);
}

/**
 * What a page card may know about one number: the live calls it is a party to (state, start,
 * attached data, the controls GWS offers now) and the other live calls that could be
 * transferred or conferenced to it. Only calls that involve the number carry call data.
 */
export function pageLookup(
  state: CallsState,
  number: string,
  naming: PartyNaming = {},
): PageLookup {
  const signedIn = state.connection.kind !== 'loggedOut';
  const degraded = callDegradation(state)?.kind;
  // During an outage nothing can be done with a call: no action is offered.
  const offered = <A extends string>(actions: readonly A[], record: CallRecord): A[] =>
    degraded ? [] : actions.filter((a) => hasCapability(record, a));
  const calls: PageLiveCall[] = [];
  const otherCalls: PageOtherCall[] = [];
  for (const record of selectActiveCalls(state)) {
    const { call } = record;
    // A supervisor's monitoring call is another agent's call: a page sees only that the number
    // is on a call (so it offers no second Call), never its data or a control.
    const monitoring = isMonitoringCall(call);
    if (involves(record, number)) {
      calls.push({
        callId: call.id,
        state: call.state,
        callType: call.callType,
        startedAt: record.startedAt,
        userData: monitoring ? [] : userDataPairs(call.userData),
        actions: monitoring ? [] : offered(CALL_ACTIONS, record),
      });
      continue;
    }
    if (monitoring) continue;
    const actions = offered(TRANSFER_ACTIONS, record);
    if (actions.length > 0 && (call.state === 'Established' || call.state === 'Held')) {
      otherCalls.push({
        callId: call.id,
        state: call.state,
        party: partyOf(record, naming),
        actions,
      });
    }
  }
  return { number, signedIn, calls, otherCalls, ...(degraded ? { degraded } : {}) };
}

/**
 * Refuses an operation a page may not ask for: the call must be live and involve the number
 * (answer, hang up, hold, retrieve), or — for a transfer or conference — the destination is
 * the number itself and the call is another live call. Returns the checked operation.
 */
export function checkPageOperation(
  state: CallsState,
  callId: string,
  operation: unknown,
  number: string,
): CallOperationRequest<PageOperation> {
  const record = state.calls.find((r) => r.call.id === callId);
  if (!record) throw new CommandRejectedError('unknown-call', 'That call has ended');
  if (isMonitoringCall(record.call)) {
    throw new CommandRejectedError(
      'not-available',
      'A monitoring call is not controlled from pages',
    );
  }
  if ((CALL_ACTIONS as readonly unknown[]).includes(operation)) {
    if (!involves(record, number)) {
      throw new CommandRejectedError('not-this-number', 'That call does not involve this number');
    }
    return readCallOperation('page-call', operation, {});
  }
  if ((TRANSFER_ACTIONS as readonly unknown[]).includes(operation)) {
    if (involves(record, number)) {
      throw new CommandRejectedError('not-this-number', 'The call already involves this number');
    }
    return readCallOperation('page-transfer', operation, { destination: number });
  }
  throw new CommandRejectedError('not-available', `${String(operation)} is not offered on pages`);
}
