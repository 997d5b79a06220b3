/**
 * The simulated switch: T-Server calls (connId/callUuid shared by every party), their parties,
 * and each agent's view of a call (what GWS returns as that agent's call resource).
 */
import type { CallIdFormat } from '../config.ts';
import { CallIdSource } from './ids.ts';
import type { Agent, CallView, Party, SwitchCall, UserDataPair } from './switch-types.ts';

export type {
  CallState,
  CallType,
  CallView,
  MonitoringKind,
  Party,
  RecordingState,
  SwitchCall,
  UserDataPair,
} from './switch-types.ts';

export function viewId(view: CallView, format: CallIdFormat): string {
  return format === 'connId' ? view.connId : view.callUuid;
}

export function partyOf(view: CallView): Party | undefined {
  return view.call.parties.find((p) => p.view === view);
}

/** Other parties the agent is talking to (a silent monitoring supervisor is not one). */
export function otherParties(view: CallView): Party[] {
  return view.call.parties.filter(
    (p) => p.view !== view && !(p.view?.monitoring && p.view.monitoring !== 'BargeIn'),
  );
}

export function agentViews(call: SwitchCall): CallView[] {
  const out: CallView[] = [];
  for (const p of call.parties) if (p.view) out.push(p.view);
  return out;
}

// --- userData KVList -------------------------------------------------------------------

/** JSON object of a KVList: the first pair of a duplicated key wins, like a KVList lookup. */
export function userDataObject(pairs: UserDataPair[]): Record<string, unknown> | undefined {
  if (pairs.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const { key, value } of pairs) if (!(key in out)) out[key] = value;
  return out;
}

export function attachUserData(pairs: UserDataPair[], data: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(data)) pairs.push({ key, value });
}

export function updateUserData(pairs: UserDataPair[], data: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(data)) {
    const at = pairs.findIndex((p) => p.key === key);
    if (at < 0) pairs.push({ key, value });
    else {
      pairs[at] = { key, value };
      for (let i = pairs.length - 1; i > at; i--) if (pairs[i]?.key === key) pairs.splice(i, 1);
    }
  }
}

export function deleteUserDataPair(pairs: UserDataPair[], key: string): void {
  for (let i = pairs.length - 1; i >= 0; i--) if (pairs[i]?.key === key) pairs.splice(i, 1);
}

// --- the switch ------------------------------------------------------------------------

export class CallSwitch {
  private ids = new CallIdSource();
  readonly calls = new Set<SwitchCall>();
  /** Errors of scheduled actions end up here instead of crashing the process. */
  onError: (e: unknown) => void = () => {};

  createCall(userData?: UserDataPair[]): SwitchCall {
    const call: SwitchCall = {
      ...this.ids.next(),
      createdAt: Date.now(),
      parties: [],
      userData: userData ? userData.map((p) => ({ ...p })) : [],
      labels: new Set(),
      ended: false,
    };
    this.calls.add(call);
    return call;
  }

  /** A call view of this agent by id in either format (tolerant to a format switch). */
  findView(agent: Agent, id: string): CallView | undefined {
    return agent.calls.find((v) => v.callUuid === id || v.connId === id);
  }

  /** Any live view whose ids match, or any view on a call with that label. */
  findViews(idOrLabel: string): CallView[] {
    const out: CallView[] = [];
    for (const call of this.calls) {
      for (const v of agentViews(call)) {
        if (v.callUuid === idOrLabel || v.connId === idOrLabel || call.labels.has(idOrLabel)) {
          out.push(v);
        }
      }
    }
    return out;
  }

  findCall(idOrLabel: string): SwitchCall | undefined {
    for (const call of this.calls) {
      if (call.callUuid === idOrLabel || call.connId === idOrLabel || call.labels.has(idOrLabel)) {
        return call;
      }
    }
    return this.findViews(idOrLabel)[0]?.call;
  }

  schedule(party: Party, ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      party.timers.delete(t);
      try {
        fn();
      } catch (e) {
        this.onError(e);
      }
    }, ms);
    party.timers.add(t);
  }

  forget(call: SwitchCall): void {
    call.ended = true;
    for (const p of call.parties) for (const t of p.timers) clearTimeout(t);
    this.calls.delete(call);
  }

  clear(): void {
    for (const call of [...this.calls]) this.forget(call);
  }
}
