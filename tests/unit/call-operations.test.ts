import { describe, expect, it } from 'vitest';
import {
  CALL_OPERATIONS,
  callOperationBody,
  operationsOfferedBy,
  readCallOperation,
  type CallContext,
} from '../../lib/gws/call-operations.ts';
import { GwsInputError } from '../../lib/gws/errors.ts';

const context: CallContext = {
  uriOf: (id) => `http://gws/api/v2/me/calls/${id}`,
  consultPartner: () => 'C2',
  swapPartner: (requested) => requested ?? 'C3',
};

function refusal(attempt: () => unknown): GwsInputError {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(GwsInputError);
    return error as GwsInputError;
  }
  throw new Error('not refused');
}

describe('the call-operation table', () => {
  it('derives what each place offers from one table', () => {
    expect(operationsOfferedBy('page-call')).toEqual(['Answer', 'Hangup', 'Hold', 'Retrieve']);
    expect(operationsOfferedBy('keyboard')).toEqual(['Answer', 'Hangup', 'Hold', 'Retrieve']);
    expect(operationsOfferedBy('page-transfer')).toEqual([
      'SingleStepTransfer',
      'SingleStepConference',
    ]);
    // Supervisor modes belong to the popup's monitoring card, never to a page or a shortcut.
    expect(operationsOfferedBy('popup')).toContain('SwitchToCoach');
    expect(operationsOfferedBy('page-call')).not.toContain('SwitchToCoach');
    expect(Object.keys(CALL_OPERATIONS)).toHaveLength(24);
  });

  it('refuses bad parameters where the request comes in, naming the parameter', () => {
    const attempts: Array<[string, unknown, string]> = [
      ['InitiateTransfer', { destination: '' }, 'destination'],
      ['SingleStepConference', { destination: ' ' }, 'destination'],
      ['SingleStepTransfer', { destination: '---' }, 'destination'],
      ['InitiateConference', {}, 'destination'],
      ['SendDtmf', { digits: '12a' }, 'digits'],
      ['SendDtmf', { digits: '' }, 'digits'],
      ['SendDtmf', { digits: '1 2' }, 'digits'],
      ['UpdateUserData', { userData: {} }, 'userData'],
      ['AttachUserData', { userData: [] }, 'userData'],
      ['DeleteUserDataPair', { key: '' }, 'key'],
      ['RemoveParticipantFromConference', { participant: '\n' }, 'participant'],
      ['SwapCalls', { otherCallId: 5 }, 'otherCallId'],
    ];
    for (const [operation, params, field] of attempts) {
      const error = refusal(() => readCallOperation('popup', operation, params));
      expect(error.field, operation).toBe(field);
      expect(error.operationName, operation).toBe(operation);
    }
  });

  it('refuses operations a view is not offered, instead of accepting them and sending nothing', () => {
    // A supervisor's switch is the popup's, never a CRM page's.
    expect(refusal(() => readCallOperation('page-call', 'SwitchToListenIn', {})).field).toBe(
      'operation',
    );
    expect(readCallOperation('popup', 'SwitchToListenIn', {})).toEqual({
      operation: 'SwitchToListenIn',
      params: {},
    });
    expect(refusal(() => readCallOperation('page-call', 'SendDtmf', { digits: '1' })).field).toBe(
      'operation',
    );
    expect(refusal(() => readCallOperation('popup', 'toString', {})).field).toBe('operation');
    expect(refusal(() => readCallOperation('popup', undefined, {})).field).toBe('operation');
  });

  it('keeps only the parameters an operation takes, trimmed', () => {
    expect(readCallOperation('popup', 'Hold', { extra: 1 })).toEqual({
      operation: 'Hold',
      params: {},
    });
    expect(readCallOperation('popup', 'SingleStepTransfer', { destination: ' 7002 ' })).toEqual({
      operation: 'SingleStepTransfer',
      params: { destination: '7002' },
    });
  });

  it('turns checked parameters into what GWS takes', () => {
    expect(
      callOperationBody(
        { operation: 'InitiateTransfer', params: { destination: '7002' } },
        context,
      ),
    ).toEqual({ destination: { phoneNumber: '7002' } });
    expect(callOperationBody({ operation: 'CompleteTransfer' }, context)).toEqual({
      consultCallUri: 'http://gws/api/v2/me/calls/C2',
    });
    expect(
      callOperationBody(
        { operation: 'CompleteConference' },
        { ...context, consultPartner: () => undefined },
      ),
    ).toEqual({});
    expect(callOperationBody({ operation: 'SwapCalls' }, context)).toEqual({
      otherCallUri: 'http://gws/api/v2/me/calls/C3',
    });
    expect(callOperationBody({ operation: 'SendDtmf', params: { digits: '1#' } }, context)).toEqual(
      { digits: '1#' },
    );
    expect(callOperationBody({ operation: 'Answer' }, context)).toEqual({});
  });
});
