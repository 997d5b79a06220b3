/**
 * Device operations on `POST /api/v2/me/devices/{id}` (gws-api.md §4.3): DND, forwarding and
 * supervisor monitoring.
 */
import {
  GwsError,
  INVALID_STATE,
  IN_USE,
  NO_PERMISSION,
  NOT_FOUND,
  OUT_OF_RANGE,
} from '../gws-error.ts';
import type { Agent } from '../model/agents.ts';
import { deviceCapabilities } from '../model/capabilities.ts';
import { normalizeNumber } from '../model/phone-numbers.ts';
import {
  idFromUri,
  requireSession,
  requireVoiceUp,
  type OpContext,
  type OpHandler,
} from './op-context.ts';
import { optionalOneOf, requireString } from './params.ts';

const MONITORING_OPS = new Set([
  'ListenIn',
  'Coach',
  'BargeIn',
  'CancelSupervisorMonitoring',
  'MuteMonitoredUser',
  'UnmuteMonitoredUser',
]);

function check(ctx: OpContext): void {
  if (MONITORING_OPS.has(ctx.operationName) && !ctx.agent.supervisor) {
    throw new GwsError(
      NO_PERMISSION,
      `User ${ctx.agent.userName} lacks the api-supervisor-monitoring feature`,
    );
  }
  requireSession(ctx.agent);
  requireVoiceUp(ctx.core);
  if (!deviceCapabilities(ctx.agent).includes(ctx.operationName)) {
    throw new GwsError(
      INVALID_STATE,
      `Operation ${ctx.operationName} is not valid for the device in its current state`,
    );
  }
}

function setDnd(on: boolean): OpHandler {
  return (ctx) => {
    check(ctx);
    ctx.agent.dnd = on;
    ctx.core.notify.device(ctx.agent);
    ctx.core.notify.channel(ctx.agent);
  };
}

function forwardOn(ctx: OpContext): void {
  // A plain string per the documented sample; {phoneNumber} is tolerated.
  const raw = ctx.body.destination;
  const value =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>).phoneNumber
      : raw;
  const destination = requireString({ destination: value }, 'destination');
  check(ctx);
  ctx.agent.forwardTo = normalizeNumber(destination);
  ctx.core.notify.device(ctx.agent);
}

function forwardOff(ctx: OpContext): void {
  check(ctx);
  ctx.agent.forwardTo = undefined;
  ctx.core.notify.device(ctx.agent);
}

/**
 * `targetDeviceUri` is the URI of the agent's device, `http://host/api/v2/devices/<id>` (§4.3):
 * a bare device id, or another resource's URI, is refused. The device is found by its id, on
 * whatever host: whether GWS compares the host with its public base URL is not documented, and
 * a client behind a proxy may know the device's URI only on the address it signed in to [INF].
 */
function requireDeviceUri(ctx: OpContext): string {
  const uri = requireString(ctx.body, 'targetDeviceUri');
  let path: string | undefined;
  try {
    const url = new URL(uri);
    path = /^https?:$/.test(url.protocol) ? url.pathname : undefined;
  } catch {
    path = undefined;
  }
  if (!path || !/\/api\/v2\/devices\/[^/]+$/.test(path)) {
    throw new GwsError(OUT_OF_RANGE, `Parameter 'targetDeviceUri' must be a device URI`);
  }
  return uri;
}

function monitor(state: 'ListenIn' | 'Coach' | 'BargeIn'): OpHandler {
  return (ctx) => {
    const uri = requireDeviceUri(ctx);
    const scope = optionalOneOf(ctx.body, 'supervisorMonitoringScope', ['Call', 'Agent']) ?? 'Call';
    const mode =
      optionalOneOf(ctx.body, 'supervisorMonitoringMode', ['AllCalls', 'NextCall']) ?? 'AllCalls';
    check(ctx);
    const target: Agent | undefined = ctx.core.agents.byDeviceId(idFromUri(uri));
    if (!target) throw new GwsError(NOT_FOUND, `Device ${uri} not found`);
    if (target === ctx.agent)
      throw new GwsError(INVALID_STATE, 'A supervisor cannot monitor their own device');
    const monitor = ctx.core.monitoring.monitorOf(target);
    if (monitor && monitor !== ctx.agent) {
      throw new GwsError(IN_USE, `Device ${uri} is already monitored by another supervisor`);
    }
    const settings = {
      state,
      mode: mode as 'AllCalls' | 'NextCall',
      scope: scope as 'Call' | 'Agent',
      target,
      targetDeviceUri: ctx.core.render.deviceUri(target),
      monitoredUserMuted: false,
    };
    // Monitoring again while monitoring: the same agent changes how; another agent replaces it.
    if (monitor === ctx.agent) return ctx.core.monitoring.change(ctx.agent, settings);
    if (ctx.agent.monitoring) ctx.core.monitoring.cancel(ctx.agent);
    ctx.agent.monitoring = settings;
    ctx.core.monitoring.start(ctx.agent);
  };
}

/** The monitored agent is muted (or not) on the supervisor's monitoring calls. */
function muteMonitoredUser(muted: boolean): OpHandler {
  return (ctx) => {
    check(ctx);
    ctx.core.monitoring.muteMonitoredUser(ctx.agent, muted);
  };
}

function cancelMonitoring(ctx: OpContext): void {
  check(ctx);
  ctx.core.monitoring.cancel(ctx.agent);
}

export const DEVICE_OPS: Record<string, OpHandler> = {
  DoNotDisturbOn: setDnd(true),
  DoNotDisturbOff: setDnd(false),
  ForwardCallsOn: forwardOn,
  ForwardCallsOff: forwardOff,
  ListenIn: monitor('ListenIn'),
  Coach: monitor('Coach'),
  BargeIn: monitor('BargeIn'),
  CancelSupervisorMonitoring: cancelMonitoring,
  MuteMonitoredUser: muteMonitoredUser(true),
  UnmuteMonitoredUser: muteMonitoredUser(false),
};

export function requireOwnDevice(ctx: OpContext, deviceId: string): void {
  if (deviceId !== ctx.agent.deviceId)
    throw new GwsError(NOT_FOUND, `Device ${deviceId} not found`);
}
