/**
 * Two-step and single-step transfer/conference, participant removal and SwapCalls
 * (gws-api.md §4.5, §9).
 */
import { GwsError, INVALID_STATE, NOT_FOUND } from '../gws-error.ts';
import {
  otherParties,
  updateUserData,
  type CallType,
  type CallView,
  type SwitchCall,
} from '../model/call-model.ts';
import { numberKey } from '../model/phone-numbers.ts';
import type { CallOpHandler } from './call-ops.ts';
import { idFromUri, type OpContext } from './op-context.ts';
import { busyReason, placeCall } from './outgoing.ts';
import { optionalString, optionalUserData, requireDestination, requireString } from './params.ts';

function destinationChecks(ctx: OpContext): {
  destination: string;
  userData?: Record<string, unknown>;
} {
  const destination = requireDestination(ctx.body);
  const userData = optionalUserData(ctx.body);
  optionalString(ctx.body, 'location');
  if (destination === ctx.agent.dn)
    throw new GwsError(INVALID_STATE, 'The destination is the user’s own number');
  return { destination, userData };
}

function initiate(kind: 'transfer' | 'conference'): CallOpHandler {
  return (ctx, original) => {
    const { destination, userData } = destinationChecks(ctx);
    if (original.consult)
      throw new GwsError(INVALID_STATE, 'This call already has a consultation call');
    const t = ctx.core.telephony;
    // The consultation call carries a copy of the original's attached data plus the request's.
    const pairs = original.call.userData.map((p) => ({ ...p }));
    if (userData) updateUserData(pairs, userData);
    placeCall(ctx.core, ctx.agent, destination, {
      consultOf: { parent: original, kind },
      userData: pairs,
      // Original Held first, then the consult call Dialing (§9); the original's capabilities
      // already reflect the consult link.
      beforeEmit: () => {
        original.state = 'Held';
        t.emit(original, 'StatusChange');
        t.holdOthers(ctx.agent);
      },
    });
  };
}

/** The (held original, consult) pair a Complete* request refers to. */
function consultPair(ctx: OpContext, view: CallView): { original: CallView; consult: CallView } {
  const uri = optionalString(ctx.body, 'consultCallUri');
  let other: CallView | undefined;
  if (uri !== undefined) {
    other = ctx.core.switch.findView(ctx.agent, idFromUri(uri));
    if (!other || other === view) throw new GwsError(NOT_FOUND, `Call ${uri} not found`);
  } else {
    const liveParent = view.parent && view.parent.state !== 'Released' ? view.parent : undefined;
    other = view.consult ?? liveParent ?? ctx.agent.calls.find((c) => c !== view && !c.monitoring);
    if (!other) throw new GwsError(INVALID_STATE, 'There is no other call to complete with');
  }
  const original = view.state === 'Held' ? view : other;
  const consult = original === view ? other : view;
  if (original.state !== 'Held')
    throw new GwsError(INVALID_STATE, 'One of the two calls must be held');
  return { original, consult };
}

const completeTransfer: CallOpHandler = (ctx, view) => {
  const { original, consult } = consultPair(ctx, view);
  if (consult.state !== 'Established' && consult.state !== 'Dialing') {
    throw new GwsError(INVALID_STATE, `Call in state ${consult.state} cannot complete a transfer`);
  }
  const t = ctx.core.telephony;
  original.consult = undefined;
  original.consultKind = undefined;
  // The consultation call survives; the original call's other parties join it.
  t.moveParties(original.call, consult.call, new Set([original]));
  t.releaseView(original);
  t.releaseView(consult);
};

const completeConference: CallOpHandler = (ctx, view) => {
  const { original, consult } = consultPair(ctx, view);
  if (consult.state !== 'Established')
    throw new GwsError(INVALID_STATE, 'The consultation call is not established');
  const t = ctx.core.telephony;
  const call = original.call;
  // Unlink first: the original's next event is the ParticipantsUpdated below, not a Held.
  original.consult = undefined;
  original.consultKind = undefined;
  t.moveParties(consult.call, call, new Set([consult]));
  t.releaseView(consult);
  original.state = 'Established';
  call.conferenceOwner = ctx.agent;
  t.emitAll(call, 'ParticipantsUpdated');
};

/** How the new party sees a call it joins in one step. */
function joinerType(call: SwitchCall): CallType {
  return call.parties.some((p) => p.kind === 'remote') ? 'Inbound' : 'Internal';
}

function singleStep(kind: 'transfer' | 'conference'): CallOpHandler {
  return (ctx, view) => {
    const { destination, userData } = destinationChecks(ctx);
    if (otherParties(view).length === 0)
      throw new GwsError(INVALID_STATE, 'The call has no other party');
    const t = ctx.core.telephony;
    const busy = busyReason(ctx.core, destination);
    if (busy) {
      // Accepted, then refused by the switch: asynchronous ErrorMessage, nothing changes (§10).
      ctx.core.notify.error(ctx.agent, 'DestinationBusy', busy);
      return;
    }
    const call = view.call;
    if (userData) updateUserData(call.userData, userData);
    const ani = view.ani ?? otherParties(view)[0]?.number;
    const result = t.route(
      call,
      destination,
      { callType: joinerType(call), ani, dnis: destination },
      true,
    );
    const joiner = result.kind === 'agent' ? result.view : undefined;
    if (kind === 'transfer') {
      t.releaseView(view, joiner);
    } else {
      call.conferenceOwner = ctx.agent;
      t.emitAll(call, 'ParticipantsUpdated', joiner);
    }
    if (joiner) t.emit(joiner, 'StatusChange');
  };
}

const removeParticipant: CallOpHandler = (ctx, view) => {
  const participant = requireString(ctx.body, 'participant');
  const party = otherParties(view).find(
    (p) =>
      p.number === participant ||
      (numberKey(participant) !== '' && numberKey(p.number) === numberKey(participant)),
  );
  if (!party)
    throw new GwsError(
      NOT_FOUND,
      `Participant ${participant} is not on call ${ctx.core.render.callId(view)}`,
    );
  ctx.core.telephony.removeParty(party);
};

const swapCalls: CallOpHandler = (ctx, view) => {
  const uri = requireString(ctx.body, 'otherCallUri');
  const other = ctx.core.switch.findView(ctx.agent, idFromUri(uri));
  if (!other || other === view) throw new GwsError(NOT_FOUND, `Call ${uri} not found`);
  const active = [view, other].find((v) => v.state === 'Established');
  const held = [view, other].find((v) => v.state === 'Held');
  if (!active || !held)
    throw new GwsError(INVALID_STATE, 'SwapCalls needs one established and one held call');
  const t = ctx.core.telephony;
  active.state = 'Held';
  t.emit(active, 'StatusChange');
  held.state = 'Established';
  t.emit(held, 'StatusChange');
};

export const TRANSFER_OPS: Record<string, CallOpHandler> = {
  InitiateTransfer: initiate('transfer'),
  InitiateConference: initiate('conference'),
  CompleteTransfer: completeTransfer,
  CompleteConference: completeConference,
  SingleStepTransfer: singleStep('transfer'),
  SingleStepConference: singleStep('conference'),
  RemoveParticipantFromConference: removeParticipant,
  SwapCalls: swapCalls,
};
