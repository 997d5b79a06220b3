/**
 * `POST /sim/calls` (a call rings at an agent, from an external number or another agent) and
 * `POST /sim/calls/{id}/remote` (the external party answers or hangs up).
 */
import type { SimCore } from '../core.ts';
import { GwsError, INVALID_STATE, NOT_FOUND } from '../gws-error.ts';
import type { CallType } from '../model/call-model.ts';
import { normalizeNumber } from '../model/phone-numbers.ts';
import { placeCall } from '../ops/outgoing.ts';
import { optionalOneOf, optionalString, optionalUserData, requireString } from '../ops/params.ts';

export const DEFAULT_CALLER = '+14155550100';

export function createSimCall(
  core: SimCore,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const toKey = requireString(body, 'to');
  const target = core.agents.byNameOrDn(toKey);
  if (!target) throw new GwsError(NOT_FOUND, `No agent with userName or DN ${toKey}`);
  const fromKey = optionalString(body, 'from');
  const userData = optionalUserData(body);
  const pairs = userData
    ? Object.entries(userData).map(([key, value]) => ({ key, value }))
    : undefined;
  const label = optionalString(body, 'label');
  const t = core.telephony;
  const caller = fromKey !== undefined ? core.agents.byNameOrDn(fromKey) : undefined;
  if (caller) {
    if (caller === target) throw new GwsError(INVALID_STATE, 'An agent cannot call itself');
    const view = placeCall(core, caller, target.dn, { userData: pairs });
    if (label) view.call.labels.add(label);
    const callee = view.call.parties.find((p) => p.view && p.view !== view)?.view;
    return {
      callId: core.render.callId(callee ?? view),
      connId: view.call.connId,
      callUuid: view.call.callUuid,
    };
  }
  const callType = (optionalOneOf(body, 'callType', ['Inbound', 'Internal']) ??
    'Inbound') as CallType;
  const ani = normalizeNumber(fromKey ?? DEFAULT_CALLER);
  const dnis = normalizeNumber(optionalString(body, 'dnis') ?? target.dn);
  const call = core.switch.createCall(pairs);
  if (label) call.labels.add(label);
  t.addRemote(call, ani, 'Established');
  const result = t.route(call, target.dn, { callType, ani, dnis });
  if (result.kind === 'busy') {
    core.switch.forget(call);
    throw new GwsError(INVALID_STATE, `The call was refused: ${result.reason}`);
  }
  if (result.kind === 'remote') {
    t.endCall(call);
    return { forwardedTo: result.party.number, connId: call.connId, callUuid: call.callUuid };
  }
  return { callId: core.render.callId(result.view), connId: call.connId, callUuid: call.callUuid };
}

export function remoteAction(core: SimCore, id: string, body: Record<string, unknown>): void {
  const action = optionalOneOf(body, 'action', ['answer', 'hangup']);
  if (!action) throw new GwsError(1, "Missing required parameter 'action' (answer or hangup)");
  const call = core.switch.findCall(id);
  if (!call) throw new GwsError(NOT_FOUND, `Call ${id} not found`);
  const party = call.parties.find((p) => p.kind === 'remote');
  if (!party) throw new GwsError(INVALID_STATE, `Call ${id} has no external party`);
  if (action === 'hangup') return core.telephony.removeParty(party);
  if (party.remoteState !== 'Ringing')
    throw new GwsError(INVALID_STATE, `The external party of call ${id} is already connected`);
  core.telephony.remoteAnswered(party);
}
