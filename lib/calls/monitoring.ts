/**
 * Supervisor monitoring as the calls and the device say it (gws-api.md §4.3, §4.9, §6.1, §6.3):
 * which call is a supervisor's monitoring call and in which mode, what the supervisor's device
 * is set to, and whether a supervisor is on an agent's own call. Every view and consumer asks
 * here, so a monitoring call is never taken for a customer call anywhere.
 */
import type { Call, Device } from '../gws/types.ts';

export type MonitoringKind = 'ListenIn' | 'Coach' | 'BargeIn';

const KINDS: readonly string[] = ['ListenIn', 'Coach', 'BargeIn'];
const SWITCHES = ['SwitchToListenIn', 'SwitchToCoach', 'SwitchToBargeIn'];

function asKind(value: unknown): MonitoringKind | undefined {
  return typeof value === 'string' && KINDS.includes(value) ? (value as MonitoringKind) : undefined;
}

/**
 * A supervisor's monitoring call. `monitoring` is absent in some samples (§6.1 [INF]); then
 * the SwitchTo* capabilities tell, since GWS offers them only on the monitoring call (§4.9).
 * An explicit `monitoring: false` is believed.
 */
export function isMonitoringCall(call: Pick<Call, 'monitoring' | 'capabilities'>): boolean {
  if (call.monitoring !== undefined) return call.monitoring;
  return call.capabilities.some((c) => SWITCHES.includes(c));
}

/** What the supervisor's device is set to (`supervisorMonitoringState`, §6.3). */
export interface DeviceMonitoring {
  /** Undefined when GWS sends a state this client does not know (BargeIn is presumed, §6.3). */
  kind?: MonitoringKind;
  mode?: string;
  scope?: string;
  targetDeviceUri?: string;
}

export function deviceMonitoring(device: Device | undefined): DeviceMonitoring | undefined {
  const state = device?.supervisorMonitoringState;
  if (!state) return undefined;
  const out: DeviceMonitoring = {};
  const kind = asKind(state.state);
  if (kind) out.kind = kind;
  if (state.mode !== undefined) out.mode = state.mode;
  if (state.scope !== undefined) out.scope = state.scope;
  if (state.targetDeviceUri !== undefined) out.targetDeviceUri = state.targetDeviceUri;
  return out;
}

/** A monitoring call as the supervisor's card shows it. */
export interface MonitoringCall {
  kind: MonitoringKind;
  /** The monitored agent's DN as the call says it (the number dialled), when it does. */
  targetDn?: string;
  /** The monitored agent's device, from the supervisor's device. */
  targetDeviceUri?: string;
  /** The supervisor muted the monitored agent (`monitoredUserMuted`, §6.1). */
  monitoredUserMuted: boolean;
}

/**
 * The mode from the call's own offers when the device does not say it: a listening call can
 * switch to coach and barge-in, a coaching one to listen-in and barge-in, and from barge-in
 * only back to listen-in (§4.9).
 */
function kindFromCapabilities(call: Call): MonitoringKind {
  const caps = call.capabilities;
  if (caps.includes('SwitchToBargeIn')) {
    return caps.includes('SwitchToListenIn') ? 'Coach' : 'ListenIn';
  }
  return caps.includes('SwitchToListenIn') ? 'BargeIn' : 'ListenIn';
}

/**
 * The monitoring call's mode and target, or undefined for any other call. The device's
 * `supervisorMonitoringState` is the documented source (§6.3); the call's capabilities stand in
 * when the device has none or one with an unknown state.
 */
export function monitoringCall(call: Call, device: Device | undefined): MonitoringCall | undefined {
  if (!isMonitoringCall(call)) return undefined;
  const set = deviceMonitoring(device);
  const out: MonitoringCall = {
    kind: set?.kind ?? kindFromCapabilities(call),
    monitoredUserMuted: call.monitoredUserMuted === true,
  };
  if (call.dnis) out.targetDn = call.dnis;
  if (set?.targetDeviceUri) out.targetDeviceUri = set.targetDeviceUri;
  return out;
}

/**
 * A supervisor on the agent's own call, as GWS says it to the agent. The one documented member
 * is `supervisorListeningIn` (§6.1), and GWS sets it while the supervisor listens *or coaches*:
 * the call has no documented member telling them apart. Tolerant reading [INF]: the flag means
 * "a supervisor is on the call", and the mode is named only when the call says it, in the form
 * the supervisor's device uses (`supervisorMonitoringState.state`, §6.3), which a server may
 * send on the monitored call too. `monitoredUserMuted` is documented as a supervisor-side
 * flag, shown if a server sends it on the agent's call too (tolerant).
 */
export interface SupervisorPresence {
  /** Listening or coaching, when the call says which; undefined when it does not. */
  kind?: 'ListenIn' | 'Coach';
  muted: boolean;
}

/** The mode a call carries in an undocumented `supervisorMonitoringState`, if any. */
function presenceKind(call: Call): SupervisorPresence['kind'] {
  const state: unknown = call.extra['supervisorMonitoringState'];
  if (typeof state !== 'object' || state === null) return undefined;
  const kind = asKind((state as { state?: unknown }).state);
  // A barge-in makes the supervisor a participant; it is not a presence in the background.
  return kind === 'ListenIn' || kind === 'Coach' ? kind : undefined;
}

export function supervisorPresence(call: Call): SupervisorPresence | undefined {
  if (isMonitoringCall(call) || call.supervisorListeningIn !== true) return undefined;
  const kind = presenceKind(call);
  return { ...(kind ? { kind } : {}), muted: call.monitoredUserMuted === true };
}
