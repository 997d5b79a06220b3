/**
 * Resources as GWS puts them on the wire (gws-api.md §6): absolute uris from the public base
 * URL, `path` without /api/v2 and /me, durations as strings, and key order that changes from one
 * rendering to the next so that order-dependent parsers fail early (§11).
 */
import type { RuntimeConfig } from '../config.ts';
import { agentStatesSettings } from './agent-states.ts';
import { dispositionSettings, WRAP_UP_TIME } from './dispositions.ts';
import type { Agent } from './agents.ts';
import { callCapabilities, deviceCapabilities } from './capabilities.ts';
import { otherParties, userDataObject, viewId, type CallView } from './call-model.ts';
import { documentedOnly } from './documented-members.ts';
import { participantInfo, participantObject } from './phone-numbers.ts';

export const GENERAL_SETTINGS = {
  countryCode: 'US',
  countryDigits: '1',
  countryName: 'United States',
};
export const VOICE_ENVIRONMENT_ID = '370ef5e6-9e3c-4d91-9588-7f4dfe67e011';
export const SWITCH_NAME = 'SIP_Switch';

export interface RenderEnv {
  baseUrl(): string;
  config: RuntimeConfig;
}

/** Participants a Released call keeps (§11): the last ones seen while it was alive. */
const lastParticipants = new WeakMap<CallView, string[]>();

export class Renderer {
  private turn = 0;
  private readonly env: RenderEnv;

  constructor(env: RenderEnv) {
    this.env = env;
  }

  private api(path: string): string {
    return `${this.env.baseUrl()}/api/v2${path}`;
  }

  /** Rotates the keys of an object by a counter that moves on every call. */
  vary<T extends Record<string, unknown>>(obj: T): T {
    const keys = Object.keys(obj);
    if (keys.length < 2) return obj;
    const shift = this.turn++ % keys.length;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[(i + shift) % keys.length] as string;
      out[k] = obj[k];
    }
    return out as T;
  }

  callId(view: CallView): string {
    return viewId(view, this.env.config.callIdFormat);
  }

  callUri(view: CallView): string {
    return this.api(`/me/calls/${this.callId(view)}`);
  }

  deviceUri(agent: Agent): string {
    return this.api(`/devices/${agent.deviceId}`);
  }

  call(view: CallView): Record<string, unknown> {
    let numbers: string[];
    if (view.state === 'Released') numbers = lastParticipants.get(view) ?? [];
    else {
      numbers = otherParties(view).map((p) => p.number);
      lastParticipants.set(view, numbers);
    }
    const country = GENERAL_SETTINGS.countryCode;
    const id = this.callId(view);
    const out: Record<string, unknown> = {
      id,
      state: view.state,
      callUuid: view.callUuid,
      connId: view.connId,
      deviceUri: this.deviceUri(view.agent),
    };
    if (this.env.config.participantFormat === 'legacy') {
      out.participants = numbers;
      out.participantsInfo = numbers.map((n) =>
        documentedOnly('participantInfo', participantInfo(n, country), this.strict),
      );
    } else {
      out.participants = numbers.map((n) =>
        documentedOnly('participant', participantObject(n, country), this.strict),
      );
    }
    if (view.ani) out.ani = view.ani;
    if (view.dnis) out.dnis = view.dnis;
    out.callType = view.callType;
    out.capabilities = callCapabilities(view);
    const userData = userDataObject(view.call.userData);
    if (userData) out.userData = userData;
    out.duration = String(Math.floor((Date.now() - view.startedAt) / 1000));
    out.mute = 'Off';
    // Where recording is configured a call says whether it is recorded from the start.
    const recording =
      view.call.recordingState ?? (view.agent.config.recording ? 'Stopped' : undefined);
    if (recording) out.recordingState = recording;
    out.supervisorListeningIn =
      !view.monitoring &&
      view.call.parties.some((p) => p.view?.monitoring && p.view.monitoring !== 'BargeIn');
    out.monitoredUserMuted = Boolean(view.monitoring && view.agent.monitoring?.monitoredUserMuted);
    out.monitoring = Boolean(view.monitoring);
    if (view.parent) {
      out.parentCallUri = this.callUri(view.parent);
      out.parentCallPath = `/calls/${this.callId(view.parent)}`;
    }
    out.uri = this.api(`/me/calls/${id}`);
    out.path = `/calls/${id}`;
    return this.vary(documentedOnly('call', out, this.strict));
  }

  userState(agent: Agent): Record<string, unknown> {
    return this.vary(documentedOnly('userState', { ...agent.userState }, this.strict));
  }

  private get strict(): boolean {
    return this.env.config.strict;
  }

  device(agent: Agent): Record<string, unknown> {
    const out: Record<string, unknown> = {
      id: agent.deviceId,
      deviceState: agent.switchLoggedIn ? 'Active' : 'Inactive',
    };
    if (agent.switchLoggedIn) out.userState = this.userState(agent);
    out.phoneNumber = agent.dn;
    out.e164Number = agent.dn;
    out.telephonyNetwork = agent.config.telephonyNetwork ?? 'Private';
    out.doNotDisturb = agent.dnd ? 'On' : 'Off';
    if (agent.forwardTo) out.forwardTo = agent.forwardTo;
    out.voiceEnvironmentUri = this.api(`/voice-environments/${VOICE_ENVIRONMENT_ID}`);
    out.capabilities = deviceCapabilities(agent);
    if (agent.monitoring) {
      const m = agent.monitoring;
      out.supervisorMonitoringState = this.vary({
        state: m.state,
        mode: m.mode,
        scope: m.scope,
        targetDeviceUri: m.targetDeviceUri,
      });
    }
    out.description = `${agent.config.place} voice device`;
    out.channels = ['voice'];
    out.uri = this.deviceUri(agent);
    out.path = `/devices/${agent.deviceId}`;
    return this.vary(documentedOnly('device', out, this.strict));
  }

  /** Voice channel resource; empty list while the agent has no contact-center session. */
  channels(agent: Agent): Record<string, unknown>[] {
    if (!agent.switchLoggedIn) return [];
    const channel = {
      channel: 'voice',
      phoneNumber: agent.dn,
      switchName: SWITCH_NAME,
      userActivity: agent.calls.length > 0 ? 'BusyOnCall' : 'Idle',
      userState: this.userState(agent),
      dndState: agent.dnd ? 'On' : 'Off',
      uri: this.api('/me/channels/voice'),
      path: '/channels/voice',
    };
    return [this.vary(documentedOnly('channel', channel, this.strict))];
  }

  features(agent: Agent): Record<string, unknown>[] {
    const ids = [
      ['api-voice', 'Voice API'],
      ['api-voice-recording', 'Voice call recording API'],
    ];
    if (agent.supervisor) {
      ids.push(['api-supervisor-monitoring', 'Supervisor monitoring API']);
      ids.push(['api-supervisor-agent-control', 'Supervisor agent control API']);
    }
    return ids.map(([id, name]) => ({
      id,
      displayName: name,
      description: `${name} enabled for this user`,
      uri: this.api(`/features/${id}`),
      path: `/features/${id}`,
    }));
  }

  skills(): Record<string, unknown>[] {
    return [
      ['3b6bd1f4a2f14f1c9d1a6b9f2f0c0001', 'Sales', 5],
      ['3b6bd1f4a2f14f1c9d1a6b9f2f0c0002', 'English', 8],
    ].map(([id, name, level]) => ({
      id,
      name,
      level,
      uri: this.api(`/skills/${id}`),
      path: `/skills/${id}`,
    }));
  }

  settings(): Record<string, unknown> {
    return {
      'agent-states': agentStatesSettings(),
      general: { ...GENERAL_SETTINGS },
      dispositions: dispositionSettings(),
      'wrap-up': { wrapUpTime: WRAP_UP_TIME },
    };
  }

  user(agent: Agent, subresources: ReadonlySet<string>): Record<string, unknown> {
    const c = agent.config;
    const out: Record<string, unknown> = {
      id: agent.userId,
      userName: agent.userName,
      firstName: c.firstName,
      lastName: c.lastName,
      emailAddress: `${agent.userName}@example.com`,
      roles: [...agent.roles],
      enabled: true,
      changePasswordOnFirstLogin: false,
      uri: this.api(`/users/${agent.userId}`),
      path: `/users/${agent.userId}`,
    };
    const all = subresources.has('*');
    const want = (name: string) => all || subresources.has(name);
    if (want('devices')) out.devices = [this.device(agent)];
    if (want('calls')) out.calls = agent.calls.map((v) => this.call(v));
    if (want('channels')) out.channels = this.channels(agent);
    if (want('settings')) out.settings = this.settings();
    if (want('features')) out.features = this.features(agent);
    if (want('skills')) out.skills = this.skills();
    return this.vary(documentedOnly('user', out, this.strict));
  }
}
