import type { Call, CallCapability, CallState, UserState } from '../gws/types.ts';
import type { CallRecord, CallsView, DeviceRecord, EndedCall } from './store-types.ts';

const DISPLAY_RANK: Partial<Record<CallState, number>> = {
  Ringing: 0,
  Established: 1,
  Held: 2,
  Dialing: 3,
};

/** Live calls for display: ringing first, then established, held, dialing, others; oldest first within. */
export function selectActiveCalls(state: CallsView): CallRecord[] {
  const rank = (r: CallRecord): number => DISPLAY_RANK[r.call.state] ?? 4;
  return [...state.calls].sort((a, b) => rank(a) - rank(b) || a.firstSeenAt - b.firstSeenAt);
}

export function selectCall(state: CallsView, id: string): CallRecord | EndedCall | undefined {
  return state.calls.find((r) => r.call.id === id) ?? state.ended.find((r) => r.call.id === id);
}

/** True when the call (or record) offers the operation now (capabilities = operationNames, §7). */
export function hasCapability(call: Call | CallRecord, operation: CallCapability): boolean {
  const c = 'call' in call ? call.call : call;
  return c.capabilities.includes(operation);
}

/** Milliseconds since the call started; an ended call stops at its end. Never negative. */
export function callDurationMs(record: CallRecord | EndedCall, now: number): number {
  const end = 'endedAt' in record ? record.endedAt : now;
  return Math.max(0, end - record.startedAt);
}

/** When the call entered its current state. */
export function stateSince(record: CallRecord): number {
  return record.history[record.history.length - 1]?.at ?? record.firstSeenAt;
}

/** The device that carries the agent's voice state: the Active one, else the first. */
export function selectPrimaryDevice(state: CallsView): DeviceRecord | undefined {
  return (
    state.agent.devices.find((r) => r.device.deviceState === 'Active') ?? state.agent.devices[0]
  );
}

export interface AgentStatus {
  userState?: UserState;
  /** When the current userState began (time in state). */
  since?: number;
  doNotDisturb: boolean;
  forwardTo?: string;
  deviceId?: string;
  capabilities: string[];
}

export function selectAgentStatus(state: CallsView): AgentStatus {
  const record = selectPrimaryDevice(state);
  if (!record) return { doNotDisturb: false, capabilities: [] };
  const d = record.device;
  const status: AgentStatus = {
    doNotDisturb: d.doNotDisturb === true,
    capabilities: d.capabilities,
    deviceId: d.id,
  };
  if (d.userState) {
    status.userState = d.userState;
    status.since = record.userStateSince;
  }
  if (d.forwardTo !== undefined) status.forwardTo = d.forwardTo;
  return status;
}

export function isPending(state: CallsView, operation: string, callId?: string): boolean {
  return state.intents.some((i) => i.operation === operation && i.callId === callId);
}
