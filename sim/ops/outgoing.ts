/**
 * Placing a call from an agent (Dial, consultation calls, internal calls of the control API):
 * the dialler sees Dialing first, then the destination rings (gws-api.md §9).
 */
import type { SimCore } from '../core.ts';
import type { Agent } from '../model/agents.ts';
import { partyOf, type CallType, type CallView, type UserDataPair } from '../model/call-model.ts';
import { isInternalNumber } from '../model/phone-numbers.ts';
import type { RouteResult } from '../model/telephony.ts';

export interface PlaceCallOptions {
  /** A consultation call (callType Consult) from `parent`; Dial otherwise (Internal/Outbound). */
  consultOf?: { parent: CallView; kind: 'transfer' | 'conference' };
  userData?: UserDataPair[];
  /** Runs once the call exists, before its first notification. */
  beforeEmit?: () => void;
}

/** Who is busy or unreachable answers quickly, but never before the HTTP response. */
const BUSY_DELAY_MS = 100;

export function callTypeFor(core: SimCore, destination: string): CallType {
  return core.agents.byDn(destination) || isInternalNumber(destination) ? 'Internal' : 'Outbound';
}

export function placeCall(
  core: SimCore,
  agent: Agent,
  destination: string,
  o: PlaceCallOptions = {},
): CallView {
  const t = core.telephony;
  const call = core.switch.createCall(o.userData);
  const callType: CallType = o.consultOf ? 'Consult' : callTypeFor(core, destination);
  const view = t.addAgentView(call, agent, { state: 'Dialing', callType, dnis: destination });
  if (o.consultOf) {
    view.parent = o.consultOf.parent;
    o.consultOf.parent.consult = view;
    o.consultOf.parent.consultKind = o.consultOf.kind;
  }
  const calleeType: CallType = o.consultOf ? 'Consult' : 'Internal';
  const result: RouteResult = t.route(
    call,
    destination,
    { callType: calleeType, ani: agent.dn, dnis: destination },
    true,
  );
  o.beforeEmit?.();
  t.emit(view, 'StatusChange');
  if (result.kind === 'agent') t.emit(result.view, 'StatusChange');
  if (result.kind === 'busy') {
    const party = partyOf(view);
    if (party) {
      core.switch.schedule(party, BUSY_DELAY_MS, () =>
        t.failDialers(call, 'DestinationBusy', result.reason),
      );
    }
  }
  return view;
}

/** Would ringing this number fail at once (DND agent or a busy-scripted remote)? */
export function busyReason(core: SimCore, destination: string): string | undefined {
  const agent = core.agents.byDn(destination);
  if (agent)
    return agent.dnd && !agent.forwardTo ? `DN ${destination} is in Do Not Disturb` : undefined;
  return core.remote.get(destination).behaviour === 'busy'
    ? `Destination ${destination} is busy`
    : undefined;
}
