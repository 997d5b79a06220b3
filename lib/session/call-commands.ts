import type { GwsRestClient } from '../gws/rest.ts';
import {
  callOperationBody,
  type CallContext,
  type CallOperationRequest,
} from '../gws/call-operations.ts';
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
export async function runCallOperation(
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
export function dialDeviceId(state: CallsState): string {
  const device = selectPrimaryDevice(state);
  if (!device) throw new CommandRejectedError('no-device', 'No phone device is assigned to you');
  return device.device.id;
}
