/**
 * The switch's primitive moves — ring, answer, release, merge — shared by the REST operations,
 * the control API and scenarios. Every move emits the notifications of gws-api.md §9 to the
 * agents whose view changed.
 */
import type { RuntimeConfig } from '../config.ts';
import type { Notifier } from '../notify.ts';
import type { Agent, AgentRegistry } from './agents.ts';
import {
  agentViews,
  type CallSwitch,
  type CallType,
  type CallView,
  type Party,
  type SwitchCall,
} from './call-model.ts';
import type { RemotePartyScripts } from './remote-party.ts';

export interface TelephonyDeps {
  switch: CallSwitch;
  agents: AgentRegistry;
  notify: Notifier;
  remote: RemotePartyScripts;
  config: RuntimeConfig;
  log: (line: string) => void;
}

export interface RingInit {
  callType: CallType;
  ani?: string;
  dnis?: string;
}

export type RouteResult =
  | { kind: 'agent'; view: CallView }
  | { kind: 'remote'; party: Party }
  | { kind: 'busy'; reason: string };

export interface TelephonyHooks {
  /** A view became Established (supervisor monitoring joins here). */
  established?(view: CallView): void;
  /** A view left its call while the call goes on. */
  left?(view: CallView, call: SwitchCall): void;
  /** A call ended for everybody; `views` were on it until then. */
  ended?(call: SwitchCall, views: CallView[]): void;
}

export class Telephony {
  hooks: TelephonyHooks = {};

  readonly d: TelephonyDeps;

  constructor(d: TelephonyDeps) {
    this.d = d;
  }

  addAgentView(
    call: SwitchCall,
    agent: Agent,
    init: RingInit & { state: CallView['state'] },
  ): CallView {
    const view: CallView = {
      callUuid: call.callUuid,
      connId: call.connId,
      agent,
      call,
      state: init.state,
      callType: init.callType,
      ani: init.ani,
      dnis: init.dnis,
      startedAt: Date.now(),
    };
    call.parties.push({ kind: 'agent', number: agent.dn, call, view, timers: new Set() });
    agent.calls.push(view);
    return view;
  }

  addRemote(call: SwitchCall, number: string, state: 'Ringing' | 'Established'): Party {
    const party: Party = { kind: 'remote', number, call, remoteState: state, timers: new Set() };
    call.parties.push(party);
    return party;
  }

  emit(view: CallView, type: Parameters<Notifier['call']>[1]): void {
    if (view.state !== 'Released' || type === 'StatusChange') this.d.notify.call(view, type);
  }

  emitAll(call: SwitchCall, type: Parameters<Notifier['call']>[1], except?: CallView): void {
    for (const v of agentViews(call)) if (v !== except) this.emit(v, type);
  }

  /** At most one Established call per agent: the phone holds the active one first. */
  holdOthers(agent: Agent, except?: CallView): void {
    for (const v of agent.calls) {
      if (v !== except && !v.monitoring && v.state === 'Established') {
        v.state = 'Held';
        this.emit(v, 'StatusChange');
      }
    }
  }

  establish(view: CallView): void {
    view.state = 'Established';
    this.emit(view, 'StatusChange');
    this.hooks.established?.(view);
  }

  /** The called party answered: whoever is still Dialing on this call is connected. */
  connectDialers(call: SwitchCall): void {
    for (const v of agentViews(call)) if (v.state === 'Dialing') this.establish(v);
  }

  answer(view: CallView): void {
    this.holdOthers(view.agent, view);
    this.establish(view);
    this.connectDialers(view.call);
  }

  /**
   * Routes a new party into `call`: an agent's DN rings that agent (following forwarding),
   * anything else is a scripted remote party. `silent` leaves the Ringing event to the caller.
   */
  route(call: SwitchCall, number: string, init: RingInit, silent = false, hops = 0): RouteResult {
    const agent = this.d.agents.byDn(number);
    if (agent) {
      if (agent.forwardTo && hops < 5)
        return this.route(call, agent.forwardTo, init, silent, hops + 1);
      if (agent.dnd) return { kind: 'busy', reason: `DN ${number} is in Do Not Disturb` };
      const view = this.addAgentView(call, agent, { ...init, state: 'Ringing' });
      if (!silent) this.emit(view, 'StatusChange');
      return { kind: 'agent', view };
    }
    const party = this.addRemote(call, number, 'Ringing');
    const script = this.d.remote.get(number);
    const delay = script.answerDelayMs ?? this.d.config.remoteAnswerDelayMs;
    if (script.behaviour === 'answer') {
      this.d.switch.schedule(party, delay, () => this.remoteAnswered(party));
    } else if (script.behaviour === 'busy') {
      this.d.switch.schedule(party, Math.min(delay, 500), () =>
        this.failDialers(party.call, 'DestinationBusy', `Destination ${number} is busy`),
      );
    }
    return { kind: 'remote', party };
  }

  remoteAnswered(party: Party): void {
    if (party.call.ended || party.remoteState !== 'Ringing') return;
    party.remoteState = 'Established';
    this.connectDialers(party.call);
    const script = this.d.remote.get(party.number);
    if (script.hangupAfterMs !== undefined) {
      this.d.switch.schedule(party, script.hangupAfterMs, () => this.removeParty(party));
    }
  }

  /** The dialled party cannot be reached: ErrorMessage to the dialler(s), then Released. */
  failDialers(call: SwitchCall, errorCode: string, message: string): void {
    if (call.ended) return;
    for (const v of agentViews(call))
      if (v.state === 'Dialing') this.d.notify.error(v.agent, errorCode, message);
    this.endCall(call);
  }

  /** Released for this view only (no settling of the call). */
  private dropView(view: CallView): void {
    if (view.state === 'Released') return;
    view.state = 'Released';
    this.emit(view, 'StatusChange');
    view.agent.calls = view.agent.calls.filter((v) => v !== view);
    const call = view.call;
    call.parties = call.parties.filter((p) => p.view !== view);
    const parent = view.parent;
    if (parent && parent.consult === view) {
      parent.consult = undefined;
      parent.consultKind = undefined;
      // The held original loses its transfer/conference capabilities: say so (tolerant choice).
      if (parent.state !== 'Released') this.emit(parent, 'StatusChange');
    }
    // A consult call outliving its original keeps parentCallUri (it is still a Consult call).
    view.consult = undefined;
    view.consultKind = undefined;
  }

  /** Released for this view, then the call goes on without it (or ends). */
  releaseView(view: CallView, quiet?: CallView): void {
    if (view.state === 'Released') return;
    const call = view.call;
    this.dropView(view);
    if (!call.ended) this.hooks.left?.(view, call);
    this.settle(call, quiet);
  }

  removeParty(party: Party): void {
    if (party.view) return this.releaseView(party.view);
    for (const t of party.timers) clearTimeout(t);
    party.call.parties = party.call.parties.filter((p) => p !== party);
    this.settle(party.call);
  }

  /** After someone left: end a call nobody (or no agent) is left on, else update the rest. */
  settle(call: SwitchCall, quiet?: CallView): void {
    if (call.ended) return;
    const principals = call.parties.filter(
      (p) => !(p.view?.monitoring && p.view.monitoring !== 'BargeIn'),
    );
    const agentsLeft = principals.filter((p) => p.kind === 'agent' && !p.view?.monitoring);
    if (principals.length < 2 || agentsLeft.length === 0) this.endCall(call);
    else this.emitAll(call, 'ParticipantsUpdated', quiet);
  }

  endCall(call: SwitchCall): void {
    if (call.ended) return;
    const views = agentViews(call);
    for (const v of views) this.dropView(v);
    this.d.switch.forget(call);
    this.hooks.ended?.(call, views);
  }

  /**
   * Moves every party of `from` except `keep` into `to` (merge on transfer/conference). The
   * merged parties are one T-Server call, so a moved agent's view takes `to`'s connId and
   * callUuid (see `rejoin`).
   */
  moveParties(from: SwitchCall, to: SwitchCall, keep: ReadonlySet<CallView>): void {
    const moving = from.parties.filter((p) => !(p.view && keep.has(p.view)));
    from.parties = from.parties.filter((p) => !moving.includes(p));
    for (const label of from.labels) to.labels.add(label);
    for (const p of moving) {
      p.call = to;
      to.parties.push(p);
      if (p.view) p.view = this.rejoin(p.view, to);
    }
  }

  /**
   * The agent's call goes on under the ids of the call it was merged into. T-Server reports
   * this as a party change with a new ConnID; how GWS 8.5 words it is not documented [INF].
   * The tolerant choice: StatusChange Released under the old id, then StatusChange under the
   * new id with the call as it is — a client that knows nothing of merges ends the old call and
   * shows the new one, and never keeps a call that no longer exists.
   */
  private rejoin(old: CallView, to: SwitchCall): CallView {
    this.d.notify.call({ ...old, state: 'Released' }, 'StatusChange');
    const view: CallView = { ...old, callUuid: to.callUuid, connId: to.connId, call: to };
    const agent = old.agent;
    agent.calls = agent.calls.map((v) => (v === old ? view : v));
    for (const a of this.d.agents.list) {
      for (const v of a.calls) {
        if (v.parent === old) v.parent = view;
        if (v.consult === old) v.consult = view;
      }
    }
    this.emit(view, 'StatusChange');
    return view;
  }
}
