/**
 * Call control on `POST /api/v2/me/calls/{id}` (gws-api.md §4.4, §4.6–4.9) and Dial on
 * `POST /api/v2/me/devices/{id}/calls`. Every handler validates first (nothing changes on a
 * rejection) and then emits the §9 notifications.
 */
import { GwsError, INVALID_STATE, OUT_OF_RANGE } from '../gws-error.ts';
import {
  attachUserData,
  deleteUserDataPair,
  updateUserData,
  type CallView,
  type RecordingState,
} from '../model/call-model.ts';
import { requireSession, requireVoiceUp, type OpContext } from './op-context.ts';
import { placeCall } from './outgoing.ts';
import {
  optionalString,
  optionalUserData,
  requireDestination,
  requireString,
  requireUserData,
} from './params.ts';

export type CallOpHandler = (ctx: OpContext, view: CallView) => void;

export function dial(ctx: OpContext): void {
  const destination = requireDestination(ctx.body);
  const userData = optionalUserData(ctx.body);
  optionalString(ctx.body, 'location');
  optionalString(ctx.body, 'outboundCallerId');
  requireSession(ctx.agent);
  requireVoiceUp(ctx.core);
  if (destination === ctx.agent.dn)
    throw new GwsError(INVALID_STATE, 'A device cannot dial its own number');
  ctx.core.telephony.holdOthers(ctx.agent);
  const pairs = userData
    ? Object.entries(userData).map(([key, value]) => ({ key, value }))
    : undefined;
  placeCall(ctx.core, ctx.agent, destination, { userData: pairs });
}

const answer: CallOpHandler = (ctx, view) => ctx.core.telephony.answer(view);

const hangup: CallOpHandler = (ctx, view) => ctx.core.telephony.releaseView(view);

const hold: CallOpHandler = (ctx, view) => {
  view.state = 'Held';
  ctx.core.telephony.emit(view, 'StatusChange');
};

const retrieve: CallOpHandler = (ctx, view) => {
  ctx.core.telephony.holdOthers(ctx.agent, view);
  view.state = 'Established';
  ctx.core.telephony.emit(view, 'StatusChange');
};

const sendDtmf: CallOpHandler = (ctx, view) => {
  ctx.core.telephony.emit(view, 'DtmfSent');
};

function dtmfDigits(ctx: OpContext): string {
  const digits = requireString(ctx.body, 'digits');
  if (!/^[0-9*#]+$/.test(digits))
    throw new GwsError(OUT_OF_RANGE, "Parameter 'digits' may contain only 0-9, * and #");
  return digits;
}

function userDataChanged(ctx: OpContext, view: CallView): void {
  ctx.core.telephony.emitAll(view.call, 'AttachedDataChanged');
}

function recording(state: RecordingState, flag: string): CallOpHandler {
  return (ctx, view) => {
    const call = view.call;
    if (state === 'Recording' && !call.recordingState) {
      updateUserData(call.userData, { GSIP_REC_FN: `${call.callUuid}_${Date.now()}` });
    }
    call.recordingState = state;
    updateUserData(call.userData, { GSIP_RECORD: flag });
    ctx.core.telephony.emitAll(call, 'CallRecordingStateChange');
  };
}

function switchMonitoring(kind: 'ListenIn' | 'Coach' | 'BargeIn'): CallOpHandler {
  return (ctx, view) => ctx.core.monitoring.switchMode(view, kind);
}

/** Parameter checks run before state checks so that a bad request is a bad request. */
export const CALL_PARAM_CHECKS: Record<string, (ctx: OpContext) => void> = {
  SendDtmf: dtmfDigits,
  AttachUserData: (ctx) => void requireUserData(ctx.body),
  UpdateUserData: (ctx) => void requireUserData(ctx.body),
  DeleteUserDataPair: (ctx) => void requireString(ctx.body, 'key'),
};

export const CALL_OPS: Record<string, CallOpHandler> = {
  Answer: answer,
  Hangup: hangup,
  Hold: hold,
  Retrieve: retrieve,
  SendDtmf: sendDtmf,
  AttachUserData: (ctx, view) => {
    attachUserData(view.call.userData, requireUserData(ctx.body));
    userDataChanged(ctx, view);
  },
  UpdateUserData: (ctx, view) => {
    updateUserData(view.call.userData, requireUserData(ctx.body));
    userDataChanged(ctx, view);
  },
  DeleteUserDataPair: (ctx, view) => {
    deleteUserDataPair(view.call.userData, requireString(ctx.body, 'key'));
    userDataChanged(ctx, view);
  },
  DeleteUserData: (ctx, view) => {
    view.call.userData.length = 0;
    userDataChanged(ctx, view);
  },
  StartCallRecording: recording('Recording', 'ON'),
  PauseCallRecording: recording('Paused', 'PAUSED'),
  ResumeCallRecording: recording('Recording', 'ON'),
  StopCallRecording: recording('Stopped', 'OFF'),
  SwitchToListenIn: switchMonitoring('ListenIn'),
  SwitchToCoach: switchMonitoring('Coach'),
  SwitchToBargeIn: switchMonitoring('BargeIn'),
};
