import { otherParty, type CallAlert, type CallRecord } from '../calls/index.ts';
import type { Call } from '../gws/types.ts';
import type { CallDirection, PopCall } from './types.ts';

function build(
  call: Pick<Call, 'id' | 'state' | 'callType' | 'participants' | 'userData'> &
    Partial<Pick<Call, 'ani' | 'dnis' | 'callUuid' | 'connId'>>,
  direction: CallDirection,
): PopCall {
  const party = otherParty(call);
  const caller = party.participant;
  // After a transfer the ANI is the agent who handed the call over; the caller is the party.
  const ani = party.role === 'transferred' ? caller?.phoneNumber : call.ani || caller?.phoneNumber;
  const out: PopCall = {
    id: call.id,
    state: call.state,
    callType: call.callType,
    direction,
    participants: call.participants,
    userData: call.userData,
  };
  if (ani) out.ani = ani;
  if (call.dnis) out.dnis = call.dnis;
  if (call.callUuid) out.callUuid = call.callUuid;
  if (call.connId) out.connId = call.connId;
  if (caller?.e164Number) out.participantE164 = caller.e164Number;
  return out;
}

/**
 * A call the agent dialled started in Dialing here. One first seen later (after a restart)
 * counts as dialled when GWS calls it Outbound and it never rang here.
 */
export function directionOf(record: CallRecord): CallDirection {
  const first = record.history[0]?.state ?? record.call.state;
  if (first === 'Dialing') return 'outgoing';
  if (first === 'Ringing' || record.history.some((s) => s.state === 'Ringing')) return 'incoming';
  return record.call.callType === 'Outbound' ? 'outgoing' : 'incoming';
}

/** The call of a store record, as rules see it. */
export function popCallFromRecord(record: CallRecord): PopCall {
  return build(record.call, directionOf(record));
}

/** The call of an incoming-call alert (it always rang here), when the store has no record. */
export function popCallFromAlert(alert: CallAlert): PopCall {
  return build({ ...alert, id: alert.callId, state: 'Ringing' }, 'incoming');
}
