import { GwsRestCore, type OperationResult } from './rest-core.ts';
import {
  optionalMembers,
  pathId,
  requireDestination,
  requireDtmfDigits,
  requireText,
  requireUserData,
} from './rest-validate.ts';

export interface ConsultOptions {
  userData?: Record<string, unknown>;
  location?: string;
}

/**
 * Call control on `POST /api/v2/me/calls/{id}` (gws-api.md §4.4–§4.8). Each resolves when GWS
 * accepted the request; the call's new state arrives as a CometD notification.
 */
export abstract class GwsCallOperations extends GwsRestCore {
  async answer(callId: string): Promise<OperationResult> {
    return this.callOperation(callId, 'Answer');
  }

  async hangup(callId: string): Promise<OperationResult> {
    return this.callOperation(callId, 'Hangup');
  }

  async hold(callId: string): Promise<OperationResult> {
    return this.callOperation(callId, 'Hold');
  }

  async retrieve(callId: string): Promise<OperationResult> {
    return this.callOperation(callId, 'Retrieve');
  }

  async initiateTransfer(
    callId: string,
    phoneNumber: string,
    options: ConsultOptions = {},
  ): Promise<OperationResult> {
    return this.consultOperation(callId, 'InitiateTransfer', phoneNumber, options);
  }

  /** GWS finds the related call when `consultCallUri` is omitted (§4.5). */
  async completeTransfer(callId: string, consultCallUri?: string): Promise<OperationResult> {
    return this.completeOperation(callId, 'CompleteTransfer', consultCallUri);
  }

  async singleStepTransfer(
    callId: string,
    phoneNumber: string,
    options: ConsultOptions = {},
  ): Promise<OperationResult> {
    return this.consultOperation(callId, 'SingleStepTransfer', phoneNumber, options);
  }

  async initiateConference(
    callId: string,
    phoneNumber: string,
    options: ConsultOptions = {},
  ): Promise<OperationResult> {
    return this.consultOperation(callId, 'InitiateConference', phoneNumber, options);
  }

  async completeConference(callId: string, consultCallUri?: string): Promise<OperationResult> {
    return this.completeOperation(callId, 'CompleteConference', consultCallUri);
  }

  async singleStepConference(
    callId: string,
    phoneNumber: string,
    options: ConsultOptions = {},
  ): Promise<OperationResult> {
    return this.consultOperation(callId, 'SingleStepConference', phoneNumber, options);
  }

  /** `participant` is the party's phone number (§4.5). */
  async removeParticipantFromConference(
    callId: string,
    participant: string,
  ): Promise<OperationResult> {
    const op = 'RemoveParticipantFromConference';
    return this.callOperation(callId, op, {
      participant: requireDestination('participant', participant, op),
    });
  }

  /** `otherCallUri` is the full URI of the other call (`call.uri`, §4.5). */
  async swapCalls(callId: string, otherCallUri: string): Promise<OperationResult> {
    const op = 'SwapCalls';
    return this.callOperation(callId, op, {
      otherCallUri: requireText('otherCallUri', otherCallUri, op),
    });
  }

  async sendDtmf(callId: string, digits: string): Promise<OperationResult> {
    const op = 'SendDtmf';
    return this.callOperation(callId, op, { digits: requireDtmfDigits(digits, op) });
  }

  /** Adds keys even when they exist (duplicates, §4.6); prefer updateUserData. */
  async attachUserData(
    callId: string,
    userData: Record<string, unknown>,
  ): Promise<OperationResult> {
    const op = 'AttachUserData';
    return this.callOperation(callId, op, { userData: requireUserData(userData, op) });
  }

  async updateUserData(
    callId: string,
    userData: Record<string, unknown>,
  ): Promise<OperationResult> {
    const op = 'UpdateUserData';
    return this.callOperation(callId, op, { userData: requireUserData(userData, op) });
  }

  async deleteUserDataPair(callId: string, key: string): Promise<OperationResult> {
    const op = 'DeleteUserDataPair';
    return this.callOperation(callId, op, { key: requireText('key', key, op) });
  }

  async deleteUserData(callId: string): Promise<OperationResult> {
    return this.callOperation(callId, 'DeleteUserData');
  }

  async startCallRecording(callId: string): Promise<OperationResult> {
    return this.callOperation(callId, 'StartCallRecording');
  }

  async pauseCallRecording(callId: string): Promise<OperationResult> {
    return this.callOperation(callId, 'PauseCallRecording');
  }

  async resumeCallRecording(callId: string): Promise<OperationResult> {
    return this.callOperation(callId, 'ResumeCallRecording');
  }

  async stopCallRecording(callId: string): Promise<OperationResult> {
    return this.callOperation(callId, 'StopCallRecording');
  }

  protected callOperation(callId: string, op: string, params?: Record<string, unknown>) {
    return this.operation(`/me/calls/${pathId('callId', callId, op)}`, op, params);
  }

  private consultOperation(
    callId: string,
    op: string,
    phoneNumber: string,
    options: ConsultOptions,
  ): Promise<OperationResult> {
    const id = pathId('callId', callId, op);
    return this.operation(`/me/calls/${id}`, op, {
      destination: { phoneNumber: requireDestination('phoneNumber', phoneNumber, op) },
      ...optionalMembers({
        userData:
          options.userData === undefined ? undefined : requireUserData(options.userData, op),
        location: options.location,
      }),
    });
  }

  private completeOperation(callId: string, op: string, consultCallUri: string | undefined) {
    const id = pathId('callId', callId, op);
    return this.operation(
      `/me/calls/${id}`,
      op,
      consultCallUri === undefined
        ? {}
        : { consultCallUri: requireText('consultCallUri', consultCallUri, op) },
    );
  }
}
