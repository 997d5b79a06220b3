/**
 * Starts the simulator in-process on an ephemeral port and wraps its control API (`/sim/...`)
 * over real HTTP. Tests observe the simulator only through the wire and this API.
 */
import { startSimulator, type RunningSimulator, type SimOptions } from '../../sim/index.ts';
import type { Wire } from './sim-agent.ts';
import { waitFor } from './wait-for.ts';

export { waitFor } from './wait-for.ts';

export interface ControlAnswer {
  statusCode: number;
  statusMessage?: string;
  [key: string]: unknown;
}

export interface SimStateAgent {
  userName: string;
  dn: string;
  deviceId: string;
  userId: string;
  contactCenterSession: boolean;
  loggedInAtSwitch: boolean;
  device: Wire;
  channels: Wire[];
  calls: Wire[];
}

export interface SimState {
  agents: SimStateAgent[];
  cometdClients: number;
  httpSessions: number;
  config: Record<string, unknown>;
  faults: Record<string, unknown>;
}

export interface RequestLogEntry {
  at: string;
  agent?: string;
  method: string;
  path: string;
  operationName?: string;
  body?: unknown;
  httpStatus: number;
  statusCode?: number;
}

export class SimControl {
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async send(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ControlAnswer & { httpStatus: number }> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as ControlAnswer;
    return { ...json, httpStatus: res.status };
  }

  private async ok(method: string, path: string, body?: unknown): Promise<ControlAnswer> {
    const a = await this.send(method, path, body);
    if (a.statusCode !== 0)
      throw new Error(`${method} ${path} → ${a.statusCode} ${a.statusMessage ?? ''}`);
    return a;
  }

  async state(): Promise<SimState> {
    return (await this.ok('GET', '/sim/state')) as unknown as SimState;
  }

  async agent(userName: string): Promise<SimStateAgent> {
    const a = (await this.state()).agents.find((x) => x.userName === userName);
    if (!a) throw new Error(`no agent ${userName}`);
    return a;
  }

  async requests(agent?: string): Promise<RequestLogEntry[]> {
    const q = agent ? `?agent=${encodeURIComponent(agent)}` : '';
    return (await this.ok('GET', `/sim/requests${q}`)).requests as RequestLogEntry[];
  }

  clearRequests() {
    return this.ok('DELETE', '/sim/requests');
  }

  /** A call rings at `to`; returns the callee's call id and the T-Server connId. */
  async call(body: {
    to: string;
    from?: string;
    dnis?: string;
    callType?: 'Inbound' | 'Internal';
    userData?: Record<string, unknown>;
  }): Promise<{ callId: string; connId: string; callUuid: string }> {
    return (await this.ok('POST', '/sim/calls', body)) as unknown as {
      callId: string;
      connId: string;
      callUuid: string;
    };
  }

  remote(callId: string, action: 'answer' | 'hangup') {
    return this.ok('POST', `/sim/calls/${encodeURIComponent(callId)}/remote`, { action });
  }

  remoteParty(
    number: string,
    script: {
      behaviour: 'answer' | 'busy' | 'no-answer';
      answerDelayMs?: number;
      hangupAfterMs?: number;
    },
  ) {
    return this.ok('PUT', `/sim/remote-parties/${encodeURIComponent(number)}`, script);
  }

  publish(agent: string, channel: string, data: unknown) {
    return this.ok('POST', '/sim/publish', { agent, channel, data });
  }

  rawFrame(agent: string, rawFrame: string) {
    return this.ok('POST', '/sim/publish', { agent, rawFrame });
  }

  dropClients() {
    return this.ok('POST', '/sim/faults/drop-clients');
  }

  expireSessions(agent?: string) {
    return this.ok('POST', '/sim/faults/expire-sessions', agent ? { agent } : {});
  }

  /** Restarts and waits until the simulator answers again. */
  async restart(): Promise<void> {
    await this.ok('POST', '/sim/faults/restart');
    // The socket goes down right after the answer; wait for down, then up.
    await waitFor(
      async () => {
        try {
          await fetch(this.baseUrl + '/sim/state', { signal: AbortSignal.timeout(200) });
          return false;
        } catch {
          return true;
        }
      },
      { timeoutMs: 2_000, message: 'simulator down' },
    ).catch(() => undefined);
    await waitFor(async () => (await fetch(this.baseUrl + '/sim/state')).ok, {
      timeoutMs: 5_000,
      message: 'simulator up',
    });
  }

  voiceDown(on: boolean) {
    return this.ok('PUT', '/sim/faults/voice-down', { on });
  }

  delay(ms: number, pathPrefix?: string) {
    return this.ok('PUT', '/sim/faults/delay', { ms, pathPrefix });
  }

  stall(on: boolean) {
    return this.ok('PUT', '/sim/faults/stall', { on });
  }

  internalError(on: boolean, pathPrefix?: string) {
    return this.ok('PUT', '/sim/faults/internal-error', { on, pathPrefix });
  }

  duplicate(on: boolean) {
    return this.ok('PUT', '/sim/faults/duplicate', { on });
  }

  reorder(on: boolean) {
    return this.ok('PUT', '/sim/faults/reorder', { on });
  }

  config(patch: {
    longPollTimeoutMs?: number;
    maxIntervalMs?: number;
    participantFormat?: 'objects' | 'legacy';
    remoteAnswerDelayMs?: number;
    errorHttpStatus?: 'mapped' | 'always200';
    callIdFormat?: 'callUuid' | 'connId';
    csrf?: boolean;
    voiceChannelMessages?: boolean;
    strict?: boolean;
    agentsListUsers?: boolean;
  }) {
    return this.ok('PUT', '/sim/config', patch);
  }

  async getConfig(): Promise<Record<string, unknown>> {
    return (await this.ok('GET', '/sim/config')).config as Record<string, unknown>;
  }

  async remoteParties(): Promise<Array<{ number: string; behaviour: string }>> {
    return (await this.ok('GET', '/sim/remote-parties')).remoteParties as Array<{
      number: string;
      behaviour: string;
    }>;
  }

  async scenarios(): Promise<string[]> {
    return (await this.ok('GET', '/sim/scenarios')).scenarios as string[];
  }

  runScenario(name: string, body: { agent?: string; speed?: number } = {}) {
    return this.ok('POST', `/sim/scenarios/${encodeURIComponent(name)}/run`, body);
  }

  stopScenarios() {
    return this.ok('POST', '/sim/scenarios/stop');
  }

  reset() {
    return this.ok('POST', '/sim/reset');
  }
}

export interface StartedSim {
  sim: RunningSimulator;
  control: SimControl;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Test defaults: fast remote parties and short long polls keep the suite quick; strict mode, so
 * the client is tested only against members the documentation shows.
 */
export async function startSim(opts: SimOptions = {}): Promise<StartedSim> {
  const sim = await startSimulator({
    port: 0,
    strict: true,
    remoteAnswerDelayMs: 100,
    longPollTimeoutMs: 2_000,
    maxIntervalMs: 5_000,
    ...opts,
  });
  return {
    sim,
    control: new SimControl(sim.baseUrl),
    baseUrl: sim.baseUrl,
    close: () => sim.close(),
  };
}
