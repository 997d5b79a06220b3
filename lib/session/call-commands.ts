import type { GwsRestClient } from '../gws/rest.ts';
import type { CallOperation } from '../messaging/protocol.ts';
import { CommandRejectedError } from './errors.ts';
import { hasCapability, selectCall, selectPrimaryDevice, type CallsState } from '../calls/index.ts';

type Params = Record<string, unknown>;

function text(params: Params, key: string, what: string): string {
  const value = params[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CommandRejectedError('missing-parameter', `${what} is required`);
  }
  return value.trim();
}

function keyValues(params: Params, key: string): Record<string, unknown> {
  const value = params[key];
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new CommandRejectedError('missing-parameter', 'Attached data must be key/value pairs');
  }
  return value as Record<string, unknown>;
}

/** The call's full URI, which SwapCalls and Complete* take (gws-api.md §4.5). */
function callUri(state: CallsState, rest: GwsRestClient, callId: string): string {
  const record = selectCall(state, callId);
  return record?.call.uri ?? `${rest.apiBaseUrl}/me/calls/${encodeURIComponent(callId)}`;
}

/**
 * Runs one call operation. The call must be live and offer the operation in its
 * capabilities (gws-api.md §7): a control the UI should not have shown is refused here
 * too, with a clear reason, instead of a GWS statusCode 2.
 */
export async function runCallOperation(
  rest: GwsRestClient,
  state: CallsState,
  callId: string,
  operation: CallOperation,
  params: Params = {},
): Promise<void> {
  const record = state.calls.find((r) => r.call.id === callId);
  if (!record) throw new CommandRejectedError('unknown-call', 'That call has ended');
  if (!hasCapability(record, operation)) {
    throw new CommandRejectedError(
      'not-available',
      `${operation} is not available on this call now`,
    );
  }
  switch (operation) {
    case 'Answer':
      return void (await rest.answer(callId));
    case 'Hangup':
      return void (await rest.hangup(callId));
    case 'Hold':
      return void (await rest.hold(callId));
    case 'Retrieve':
      return void (await rest.retrieve(callId));
    case 'InitiateTransfer':
      return void (await rest.initiateTransfer(callId, text(params, 'destination', 'A number')));
    case 'SingleStepTransfer':
      return void (await rest.singleStepTransfer(callId, text(params, 'destination', 'A number')));
    case 'InitiateConference':
      return void (await rest.initiateConference(callId, text(params, 'destination', 'A number')));
    case 'SingleStepConference':
      return void (await rest.singleStepConference(
        callId,
        text(params, 'destination', 'A number'),
      ));
    case 'CompleteTransfer':
    case 'CompleteConference': {
      const consult = record.consultIds[0] ?? record.parentId;
      const consultUri = consult ? callUri(state, rest, consult) : undefined;
      if (operation === 'CompleteTransfer') await rest.completeTransfer(callId, consultUri);
      else await rest.completeConference(callId, consultUri);
      return;
    }
    case 'RemoveParticipantFromConference':
      return void (await rest.removeParticipantFromConference(
        callId,
        text(params, 'participant', 'The participant'),
      ));
    case 'SwapCalls': {
      const other =
        typeof params.otherCallId === 'string'
          ? params.otherCallId
          : state.calls.find((r) => r.call.id !== callId && hasCapability(r, 'SwapCalls'))?.call.id;
      if (!other)
        throw new CommandRejectedError('missing-parameter', 'There is no other call to swap with');
      return void (await rest.swapCalls(callId, callUri(state, rest, other)));
    }
    case 'SendDtmf':
      return void (await rest.sendDtmf(callId, text(params, 'digits', 'Digits')));
    case 'AttachUserData':
      return void (await rest.attachUserData(callId, keyValues(params, 'userData')));
    case 'UpdateUserData':
      return void (await rest.updateUserData(callId, keyValues(params, 'userData')));
    case 'DeleteUserDataPair':
      return void (await rest.deleteUserDataPair(callId, text(params, 'key', 'The key')));
    case 'DeleteUserData':
      return void (await rest.deleteUserData(callId));
    case 'StartCallRecording':
      return void (await rest.startCallRecording(callId));
    case 'PauseCallRecording':
      return void (await rest.pauseCallRecording(callId));
    case 'ResumeCallRecording':
      return void (await rest.resumeCallRecording(callId));
    case 'StopCallRecording':
      return void (await rest.stopCallRecording(callId));
  }
}

/** The device new calls are dialled from: the active one (gws-api.md §11a). */
export function dialDeviceId(state: CallsState): string {
  const device = selectPrimaryDevice(state);
  if (!device) throw new CommandRejectedError('no-device', 'No phone device is assigned to you');
  return device.device.id;
}
