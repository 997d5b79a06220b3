import type { GwsRestClient } from '../gws/rest.ts';
import {
  callOperationBody,
  type CallContext,
  type CallOperationRequest,
} from '../gws/call-operations.ts';
import { deviceOperationBody, type DeviceOperationRequest } from '../gws/device-operations.ts';
import { CommandRejectedError } from './errors.ts';
import {
  hasCapability,
  selectCall,
  selectPrimaryDevice,
  type CallRecord,
  type CallsState,
} from '../calls/index.ts';

/** What an operation on `record` needs to know of the other calls in the store. */
function callContext(state: CallsState, rest: GwsRestClient, record: CallRecord): CallContext {
  const callId = record.call.id;
  return {
    uriOf: (id) =>
      selectCall(state, id)?.call.uri ?? `${rest.apiBaseUrl}/me/calls/${encodeURIComponent(id)}`,
    consultPartner: () => record.consultIds[0] ?? record.parentId,
    swapPartner: (requested) => {
      const other =
        requested ??
        state.calls.find((r) => r.call.id !== callId && hasCapability(r, 'SwapCalls'))?.call.id;
      if (!other) {
        throw new CommandRejectedError('missing-parameter', 'There is no other call to swap with');
      }
      return other;
    },
  };
}

/**
 * Runs one call operation whose parameters were checked where the request came in. The call
 * must be live and offer the operation in its capabilities (gws-api.md §7): a control the UI
 * should not have shown is refused here too, with a clear reason, instead of a GWS
 * statusCode 2.
 */
async function runCallOperation(
  rest: GwsRestClient,
  state: CallsState,
  callId: string,
  request: CallOperationRequest,
): Promise<void> {
  const record = state.calls.find((r) => r.call.id === callId);
  if (!record) throw new CommandRejectedError('unknown-call', 'That call has ended');
  const { operation } = request;
  if (!hasCapability(record, operation)) {
    throw new CommandRejectedError(
      'not-available',
      `${operation} is not available on this call now`,
    );
  }
  const body = callOperationBody(request, callContext(state, rest, record));
  // The body was built from the table for this very operation.
  await rest.callOperation(callId, operation, body as never);
}

/** The device new calls are dialled from: the active one (gws-api.md §11a). */
function dialDeviceId(state: CallsState): string {
  const device = selectPrimaryDevice(state);
  if (!device) throw new CommandRejectedError('no-device', 'No phone device is assigned to you');
  return device.device.id;
}

/**
 * Runs one device operation whose parameters were checked where the request came in, on the
 * agent's phone device, which must offer it in its capabilities (§6.3), like a call operation.
 */
async function runDeviceOperation(
  rest: GwsRestClient,
  state: CallsState,
  request: DeviceOperationRequest,
): Promise<void> {
  const device = selectPrimaryDevice(state);
  if (!device) throw new CommandRejectedError('no-device', 'No phone device is assigned to you');
  if (!device.device.capabilities.includes(request.operation)) {
    throw new CommandRejectedError(
      'not-available',
      `${request.operation} is not available on your phone now`,
    );
  }
  // The body was built from the table for this very operation.
  await rest.deviceOperation(
    device.device.id,
    request.operation,
    deviceOperationBody(request) as never,
  );
}

/** Everything the agent can ask GWS to do, from any view, shortcut, menu or notification. */
export type SessionOperation =
  | { kind: 'call'; callId: string; request: CallOperationRequest }
  | { kind: 'dial'; phoneNumber: string; userData?: Record<string, string> }
  | { kind: 'agent-state'; operationName: string; params?: Record<string, string> }
  /** DND, forwarding and supervisor monitoring on the agent's phone device (§4.3). */
  | { kind: 'device'; request: DeviceOperationRequest };

/** The pending intent an operation shows as: its GWS operationName and its call. */
export function intentOf(operation: SessionOperation): {
  name: string;
  callId?: string;
  destination?: string;
} {
  switch (operation.kind) {
    case 'call':
      return { name: operation.request.operation, callId: operation.callId };
    case 'dial':
      // The number sent, so the store can tell the call this Dial places from any other.
      return { name: 'Dial', destination: operation.phoneNumber };
    case 'agent-state':
      return { name: operation.operationName };
    case 'device':
      return { name: operation.request.operation };
  }
}

/** Sends one operation on the live session's REST client. */
export async function runOperation(
  rest: GwsRestClient,
  state: CallsState,
  operation: SessionOperation,
): Promise<void> {
  switch (operation.kind) {
    case 'call':
      return runCallOperation(rest, state, operation.callId, operation.request);
    case 'dial': {
      const { phoneNumber, userData } = operation;
      await rest.dial(dialDeviceId(state), phoneNumber, userData ? { userData } : {});
      return;
    }
    case 'agent-state':
      await rest.setAgentState(operation.operationName, operation.params ?? {});
      return;
    case 'device':
      return runDeviceOperation(rest, state, operation.request);
  }
}
