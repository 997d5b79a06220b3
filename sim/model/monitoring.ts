/**
 * Supervisor monitoring (gws-api.md §4.3, §4.9): ListenIn / Coach / BargeIn set on the
 * supervisor's device; the supervisor joins the monitored agent's calls as a monitoring leg.
 * ListenIn and Coach are silent for the customer (not a participant); BargeIn makes the
 * supervisor a full participant.
 */
import type { Agent, MonitoringSettings } from './agents.ts';
import { agentViews, type CallView, type MonitoringKind, type SwitchCall } from './call-model.ts';
import type { Telephony } from './telephony.ts';

export class Monitoring {
  private readonly t: Telephony;

  constructor(t: Telephony) {
    this.t = t;
    t.hooks = {
      established: (v) => this.onEstablished(v),
      left: (v, call) => this.onLeft(v, call),
      ended: (_call, views) => this.onEnded(views),
    };
  }

  monitorOf(target: Agent): Agent | undefined {
    return this.t.d.agents.list.find((a) => a.monitoring?.target === target);
  }

  start(supervisor: Agent): void {
    const m = supervisor.monitoring;
    if (!m) return;
    this.t.d.notify.device(supervisor);
    for (const v of m.target.calls)
      if (v.state === 'Established' && !v.monitoring) this.join(supervisor, v);
  }

  cancel(supervisor: Agent): void {
    supervisor.monitoring = undefined;
    this.t.d.notify.device(supervisor);
    for (const v of [...supervisor.calls]) if (v.monitoring) this.t.releaseView(v);
  }

  /** New settings on the same target: the monitoring calls switch to the new state. */
  change(supervisor: Agent, settings: MonitoringSettings): void {
    supervisor.monitoring = {
      ...settings,
      monitoredUserMuted: supervisor.monitoring?.monitoredUserMuted ?? false,
    };
    const legs = supervisor.calls.filter((v) => v.monitoring);
    if (legs.length === 0) this.t.d.notify.device(supervisor);
    for (const v of legs) this.switchMode(v, settings.state);
  }

  muteMonitoredUser(supervisor: Agent, muted: boolean): void {
    const m = supervisor.monitoring;
    if (!m) return;
    m.monitoredUserMuted = muted;
    this.t.d.notify.device(supervisor);
    for (const v of supervisor.calls) if (v.monitoring) this.t.emit(v, 'StatusChange');
  }

  switchMode(view: CallView, kind: MonitoringKind): void {
    view.monitoring = kind;
    if (view.agent.monitoring) view.agent.monitoring.state = kind;
    this.t.emit(view, 'StatusChange');
    this.t.emitAll(view.call, 'ParticipantsUpdated', view);
    this.t.d.notify.device(view.agent);
  }

  private join(supervisor: Agent, target: CallView): void {
    const m = supervisor.monitoring;
    const call = target.call;
    if (!m || call.parties.some((p) => p.view?.agent === supervisor)) return;
    const view = this.t.addAgentView(call, supervisor, {
      state: 'Established',
      callType: 'Internal',
      dnis: target.agent.dn,
    });
    view.monitoring = m.state;
    this.t.emit(view, 'StatusChange');
    this.t.emitAll(call, 'ParticipantsUpdated', view);
  }

  private onEstablished(view: CallView): void {
    if (view.monitoring) return;
    const supervisor = this.monitorOf(view.agent);
    if (supervisor) this.join(supervisor, view);
  }

  private onLeft(view: CallView, call: SwitchCall): void {
    if (view.monitoring) return this.finishNextCall(view.agent);
    for (const v of agentViews(call)) {
      const m = v.agent.monitoring;
      if (v.monitoring && m?.target === view.agent && m.scope === 'Agent') this.t.releaseView(v);
    }
  }

  private onEnded(views: CallView[]): void {
    for (const v of views) if (v.monitoring) this.finishNextCall(v.agent);
  }

  /** NextCall monitoring stops after one monitored call. */
  private finishNextCall(supervisor: Agent): void {
    if (supervisor.monitoring?.mode === 'NextCall') {
      supervisor.monitoring = undefined;
      this.t.d.notify.device(supervisor);
    }
  }
}
