/**
 * Everything the simulator knows, independent of the HTTP server: the switch (agents, calls,
 * remote parties), GWS sessions, faults and configuration. It survives a simulated GWS restart;
 * the listening socket and the CometD server do not.
 */
import {
  DEFAULT_AGENTS,
  initialRuntimeConfig,
  type RuntimeConfig,
  type SimOptions,
} from './config.ts';
import { initialFaults, type FaultState } from './faults.ts';
import { RequestLog } from './gws/request-log.ts';
import { HttpSessions } from './gws/sessions.ts';
import { AgentRegistry } from './model/agents.ts';
import { CallSwitch } from './model/call-model.ts';
import { Monitoring } from './model/monitoring.ts';
import { RemotePartyScripts } from './model/remote-party.ts';
import { Renderer } from './model/render.ts';
import { Telephony } from './model/telephony.ts';
import { Notifier, type OutgoingEvent } from './notify.ts';

export class SimCore {
  readonly options: SimOptions;
  config: RuntimeConfig;
  faults: FaultState = initialFaults();
  readonly agents: AgentRegistry;
  readonly switch = new CallSwitch();
  readonly remote = new RemotePartyScripts();
  readonly sessions = new HttpSessions();
  readonly requestLog = new RequestLog();
  readonly render: Renderer;
  readonly notify: Notifier;
  readonly telephony: Telephony;
  readonly monitoring: Monitoring;
  /** Set by the server; replaced when the CometD server is recreated on restart. */
  deliver: (event: OutgoingEvent) => void = () => {};
  /** Resolved once the port is known. */
  baseUrl = '';

  constructor(options: SimOptions) {
    this.options = options;
    this.config = initialRuntimeConfig(options);
    this.agents = new AgentRegistry(options.agents ?? DEFAULT_AGENTS);
    this.render = new Renderer({ baseUrl: () => this.baseUrl, config: this.config });
    this.notify = new Notifier(this.render, (e) => this.deliver(e), this.config);
    this.telephony = new Telephony({
      switch: this.switch,
      agents: this.agents,
      notify: this.notify,
      remote: this.remote,
      config: this.config,
      log: (l) => this.log(l),
    });
    this.monitoring = new Monitoring(this.telephony);
    this.switch.onError = (e) =>
      this.log(`error in a scheduled switch action: ${(e as Error).stack ?? String(e)}`);
  }

  log(line: string): void {
    this.options.log?.(`[sim] ${line}`);
  }

  /** Changes configuration in place (the renderer and telephony hold the same object). */
  updateConfig(patch: Partial<RuntimeConfig>): void {
    Object.assign(this.config, patch);
  }

  /** Back to the state right after start: no calls, logged-out agents, no faults. */
  resetState(): void {
    this.switch.clear();
    this.agents.resetAll();
    this.remote.clear();
    this.requestLog.clear();
    this.faults = initialFaults();
    this.updateConfig(initialRuntimeConfig(this.options));
    this.sessions.invalidateWhere();
  }
}
