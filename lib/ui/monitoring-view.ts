/**
 * Supervisor monitoring in words and controls, for the popup: the supervisor's monitoring call
 * ("Listening in to Anna Kowalski (7001)"), what the supervisor's device is set to, which
 * monitoring controls the device and the call offer now, and what the monitored agent is told.
 * Everything comes from `lib/calls/monitoring.ts`; controls follow the capabilities GWS sends.
 */
import type { Call, Device } from '../gws/types.ts';
import {
  deviceMonitoring,
  monitoringCall,
  otherParty,
  supervisorPresence,
  type MonitoringKind,
  type PartyNaming,
} from '../calls/index.ts';
import { t, type MessageKey } from '../i18n/messages.ts';
import { describeNumber } from './phone-view.ts';

/** An agent as the supervisor knows it: name and DN, either of which may be unknown. */
export interface MonitoredAgent {
  name?: string;
  dn?: string;
}

/** Finds an agent by device URI (the directory of agents GWS knows, when there is one). */
export type AgentByDevice = (deviceUri: string) => MonitoredAgent | undefined;

const TITLE: Record<MonitoringKind, MessageKey> = {
  ListenIn: 'monitorListeningTo',
  Coach: 'monitorCoaching',
  BargeIn: 'monitorBargedIn',
};

/** "Anna Kowalski (7001)", "7001", "Anna Kowalski", else "an agent". */
export function agentLabel(agent: MonitoredAgent | undefined): string {
  const name = agent?.name?.trim();
  const dn = agent?.dn?.trim();
  if (name && dn) return t('monitorAgentNameDn', [name, dn]);
  return name || dn || t('monitorAgentUnknown');
}

/** "Listening in to …", "Coaching …", "Barged in on …". */
export function monitoringTitle(kind: MonitoringKind, agent: MonitoredAgent | undefined): string {
  return t(TITLE[kind], agentLabel(agent));
}

/** The monitored agent: the directory's entry for the device, with the call's DN filling in. */
function monitoredAgent(
  deviceUri: string | undefined,
  dn: string | undefined,
  byDevice: AgentByDevice | undefined,
  naming: PartyNaming | undefined,
): MonitoredAgent {
  const known = deviceUri && byDevice ? byDevice(deviceUri) : undefined;
  const out: MonitoredAgent = { ...known };
  if (!out.dn && dn) out.dn = dn;
  if (!out.name && out.dn && naming?.resolveName) {
    const digits = out.dn.replace(/\D/g, '');
    const name = naming.resolveName({ number: out.dn, digits, role: 'called' });
    if (name) out.name = name;
  }
  return out;
}

/** The call-level switches GWS offers on a monitoring call now (§4.9). */
export const MONITORING_SWITCHES = [
  'SwitchToListenIn',
  'SwitchToCoach',
  'SwitchToBargeIn',
] as const;
export type MonitoringSwitch = (typeof MONITORING_SWITCHES)[number];

export interface MonitoringCallView {
  kind: MonitoringKind;
  title: string;
  agent: MonitoredAgent;
  /** The customer (the party who is not the monitored agent), in a few words, when known. */
  customer?: string;
  /** The supervisor muted the monitored agent. */
  agentMuted: boolean;
  /** Offered switches, in table order. */
  switches: MonitoringSwitch[];
  /** Leaving the monitoring call (Hangup), when offered. */
  canLeave: boolean;
}

/** How the supervisor's card shows a monitoring call; undefined for any other call. */
export function monitoringCallView(
  call: Call,
  device: Device | undefined,
  byDevice?: AgentByDevice,
  naming?: PartyNaming,
): MonitoringCallView | undefined {
  const monitoring = monitoringCall(call, device);
  if (!monitoring) return undefined;
  const agent = monitoredAgent(monitoring.targetDeviceUri, monitoring.targetDn, byDevice, naming);
  // The agent is listed among the parties of the supervisor's leg; the customer is the other.
  const others = call.participants.filter((p) => p.phoneNumber !== agent.dn);
  const party = otherParty({ ...call, participants: others, dnis: '' }, naming ?? {});
  const shown = party.name ?? (party.number ? describeNumber(party.number).display : '');
  const out: MonitoringCallView = {
    kind: monitoring.kind,
    title: monitoringTitle(monitoring.kind, agent),
    agent,
    agentMuted: monitoring.monitoredUserMuted,
    switches: MONITORING_SWITCHES.filter((op) => call.capabilities.includes(op)),
    canLeave: call.capabilities.includes('Hangup'),
  };
  if (shown) out.customer = shown;
  return out;
}

/** The device operations that start monitoring, in the order the panel shows them. */
export const MONITORING_STARTS = ['ListenIn', 'Coach', 'BargeIn'] as const;
export type MonitoringStart = (typeof MONITORING_STARTS)[number];

/** The supervisor panel's content: what is set, and which controls the device offers. */
export interface SupervisorPanelView {
  /** What monitoring is set on the device now, in words; undefined when none. */
  current?: { title: string; details: string[]; kind?: MonitoringKind; agent: MonitoredAgent };
  starts: MonitoringStart[];
  canCancel: boolean;
  mute?: 'MuteMonitoredUser' | 'UnmuteMonitoredUser';
}

const MODE_WORDS: Readonly<Record<string, MessageKey>> = {
  AllCalls: 'monitorModeAllCalls',
  NextCall: 'monitorModeNextCall',
};
const SCOPE_WORDS: Readonly<Record<string, MessageKey>> = {
  Call: 'monitorScopeCall',
  Agent: 'monitorScopeAgent',
};

/**
 * The panel, or undefined when the device offers no monitoring at all (not a supervisor). The
 * monitored agent's DN comes from a live monitoring call when the directory does not know it.
 */
export function supervisorPanelView(
  device: Device | undefined,
  calls: readonly Call[],
  byDevice?: AgentByDevice,
  naming?: PartyNaming,
): SupervisorPanelView | undefined {
  if (!device) return undefined;
  const caps = device.capabilities;
  const set = deviceMonitoring(device);
  const starts = MONITORING_STARTS.filter((op) => caps.includes(op));
  const canCancel = caps.includes('CancelSupervisorMonitoring');
  if (!set && starts.length === 0 && !canCancel) return undefined;
  const view: SupervisorPanelView = { starts, canCancel };
  if (caps.includes('UnmuteMonitoredUser')) view.mute = 'UnmuteMonitoredUser';
  else if (caps.includes('MuteMonitoredUser')) view.mute = 'MuteMonitoredUser';
  if (set) {
    const live = calls.map((c) => monitoringCall(c, device)).find((m) => m !== undefined);
    const agent = monitoredAgent(set.targetDeviceUri, live?.targetDn, byDevice, naming);
    const kind = set.kind ?? live?.kind;
    const details: string[] = [];
    const mode = set.mode !== undefined ? MODE_WORDS[set.mode] : undefined;
    const scope = set.scope !== undefined ? SCOPE_WORDS[set.scope] : undefined;
    if (mode) details.push(t(mode));
    if (scope) details.push(t(scope));
    if (!live) details.push(t('monitorWaiting'));
    view.current = {
      title: kind ? monitoringTitle(kind, agent) : t('monitorActive', agentLabel(agent)),
      details,
      agent,
      ...(kind ? { kind } : {}),
    };
  }
  return view;
}

const PRESENCE_WORDS = {
  ListenIn: { plain: 'supervisorListening', muted: 'supervisorListeningMuted' },
  Coach: { plain: 'supervisorCoaching', muted: 'supervisorCoachingMuted' },
  unknown: { plain: 'supervisorOnCall', muted: 'supervisorOnCallMuted' },
} as const satisfies Record<string, { plain: MessageKey; muted: MessageKey }>;

/**
 * What the monitored agent's own call card says: "Supervisor on the call" (listening and
 * coaching alike, as GWS says it), the mode only when the call names it, and muted.
 */
export function supervisorNote(call: Call): string | undefined {
  const presence = supervisorPresence(call);
  if (!presence) return undefined;
  const words = PRESENCE_WORDS[presence.kind ?? 'unknown'];
  return t(presence.muted ? words.muted : words.plain);
}

const DEVICE_ID = /^[0-9A-Za-z][0-9A-Za-z-]{7,63}$/;

/**
 * The agent's device URI from what the supervisor typed: a device URI as GWS gives it, or a
 * device id, completed with the API base GWS's URIs are built on (`deviceApiBase`; §4.3:
 * `http://host/api/v2/devices/<id>`). Anything else is not a device the supervisor can name here.
 */
export function typedTargetDevice(
  entered: string,
  apiBaseUrl: string | undefined,
): string | undefined {
  const text = entered.trim();
  if (/^https?:\/\//i.test(text)) return /\/devices\/[^/]+$/.test(text) ? text : undefined;
  if (!DEVICE_ID.test(text) || !apiBaseUrl) return undefined;
  return `${apiBaseUrl}/devices/${text}`;
}

/** What the monitoring views read of an agent GWS lists (the directory's agents). */
export interface ListedAgent {
  name: string;
  dn?: string;
  deviceUri?: string;
  deviceUris?: readonly string[];
}

/** The device id at the end of a device URI, lower-cased (device ids are UUIDs, §6.3). */
function deviceIdOf(uri: string): string {
  const match = /\/devices\/([^/?#]+)\/?(?:[?#].*)?$/.exec(uri);
  return (match?.[1] ?? uri).toLowerCase();
}

/**
 * Finds a listed agent by device URI. URIs compare by their device id: GWS builds them from its
 * public base URL, which need not be the one the agent list was read through.
 */
export function listedAgentByDevice(agents: readonly ListedAgent[]): AgentByDevice {
  const byId = new Map<string, MonitoredAgent>();
  for (const a of agents) {
    for (const uri of [a.deviceUri, ...(a.deviceUris ?? [])]) {
      if (uri) byId.set(deviceIdOf(uri), a.dn ? { name: a.name, dn: a.dn } : { name: a.name });
    }
  }
  return (uri) => byId.get(deviceIdOf(uri));
}

/**
 * The device URI of the agent the supervisor typed: a listed agent whose DN or name it is
 * exactly (case aside), else a device id or URI typed as such.
 */
export function targetDeviceOf(
  entered: string,
  agents: readonly ListedAgent[],
  apiBaseUrl: string | undefined,
): string | undefined {
  const text = entered.trim().toLowerCase();
  if (text === '') return undefined;
  const listed = agents.find(
    (a) => a.deviceUri && (a.dn?.toLowerCase() === text || a.name.toLowerCase() === text),
  );
  return listed?.deviceUri ?? typedTargetDevice(entered, apiBaseUrl);
}
