import type { SessionOperation } from '../session/operations.ts';
import {
  destinationOf,
  isDestinationRequest,
  placesConsultCall,
  withDestination,
} from '../gws/call-operations.ts';
import type { DialPlanResult } from './apply.ts';

/** The dial plan in force, for one number (the background binds rules and region). */
export type DialPlanFn = (number: string) => DialPlanResult;

export interface PlannedOperation {
  operation: SessionOperation;
  /** What the dial plan did, for the number the operation dials (none when it dials none). */
  plan?: DialPlanResult;
}

/**
 * The number an operation makes the switch dial: a new call, a transfer or conference
 * destination, a forwarding destination. RemoveParticipantFromConference names a party
 * already on the call, and monitoring names a device, so neither is rewritten.
 */
function dialledNumber(operation: SessionOperation): string | undefined {
  switch (operation.kind) {
    case 'dial':
      return operation.phoneNumber;
    case 'device': {
      const { request } = operation;
      if (request.operation !== 'ForwardCallsOn') return undefined;
      const params = request.params as { destination?: unknown } | undefined;
      return typeof params?.destination === 'string' ? params.destination : undefined;
    }
    case 'call':
      // Transfer and conference destinations, as the call-operation table marks them (§4.5).
      return destinationOf(operation.request)?.number;
    default:
      return undefined;
  }
}

function withNumber(operation: SessionOperation, dial: string): SessionOperation {
  switch (operation.kind) {
    case 'dial':
      return { ...operation, phoneNumber: dial };
    case 'device':
      return {
        ...operation,
        request: {
          ...operation.request,
          params: { ...operation.request.params, destination: dial },
        },
      } as SessionOperation;
    case 'call':
      return isDestinationRequest(operation.request)
        ? { ...operation, request: withDestination(operation.request, dial) }
        : operation;
    default:
      return operation;
  }
}

/**
 * Runs the dial plan on the number an operation dials, the one place every dial path goes
 * through (popup, CRM pages, context menu, history, shortcuts, transfers). An operation
 * that dials no number passes unchanged.
 */
export function planOperation(operation: SessionOperation, plan: DialPlanFn): PlannedOperation {
  const number = dialledNumber(operation);
  if (number === undefined) return { operation };
  const result = plan(number);
  return result.ok
    ? {
        operation: result.dial === number ? operation : withNumber(operation, result.dial),
        plan: result,
      }
    : { operation, plan: result };
}

/**
 * What the plan did to the number of an operation that places a new call (a Dial, or the
 * consult call of a two-step transfer or conference): the switch may report the rewritten
 * digits as that call's party, and the agent knows it by the number asked for. Undefined when
 * the number went out as asked, or the operation places no call of the agent's.
 */
export function placedCallRewrite(
  requested: SessionOperation,
  sent: SessionOperation,
): { asked: string; dialled: string } | undefined {
  const places =
    requested.kind === 'dial' ||
    (requested.kind === 'call' && placesConsultCall(requested.request));
  if (!places) return undefined;
  const asked = dialledNumber(requested);
  const dialled = dialledNumber(sent);
  return asked !== undefined && dialled !== undefined && asked !== dialled
    ? { asked, dialled }
    : undefined;
}
