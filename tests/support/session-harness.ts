import { GwsSession, type GwsSessionOptions } from '../../lib/session/gws-session.ts';
import type { CallAlert, CallsState, ConnectionState } from '../../lib/calls/index.ts';
import { checkInvariants } from '../../lib/calls/index.ts';
import type { SessionPersistence } from '../../lib/session/persistence.ts';
import { createCookieFetch, type CookieFetch } from './cookie-fetch.ts';
import { memoryPersistence } from './memory-persistence.ts';
import type { SimControl } from './sim.ts';
import { waitFor } from './wait-for.ts';

/** Fast retries so fault tests finish in seconds; the policy itself is unit-tested. */
const FAST = { initialMs: 50, maxMs: 400, multiplier: 2, jitter: 0 };

export interface AgentHarness {
  session: GwsSession;
  fetch: CookieFetch;
  persistence: SessionPersistence<CallsState>;
  alerts: CallAlert[];
  /** Every connection state the agent was shown, in order (consecutive duplicates folded). */
  shown: ConnectionState['kind'][];
  /** Every call id any view was ever shown. */
  seenCallIds: Set<string>;
  calls(): CallsState;
  /** Waits until the store satisfies `predicate`. */
  until(
    predicate: (s: CallsState) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<CallsState>;
  close(): Promise<void>;
}

/**
 * One agent's background session in Node, against the simulator over real HTTP + CometD.
 * `persistence` can be handed over from another harness to play a worker restart.
 */
export function agentSession(
  baseUrl: string,
  options: {
    persistence?: SessionPersistence<CallsState>;
    fetch?: CookieFetch;
    /** The dial plan in force, as the background binds it. */
    dialPlan?: GwsSessionOptions['dialPlan'];
    /** Told while an answer of GWS is on its way to the store, as the background's gate is. */
    traffic?: GwsSessionOptions['traffic'];
    /** Every change of the store, after the harness has looked at it. */
    onChange?: GwsSessionOptions['onChange'];
  } = {},
): AgentHarness {
  const alerts: CallAlert[] = [];
  const shown: ConnectionState['kind'][] = [];
  const seenCallIds = new Set<string>();
  const persistence = options.persistence ?? memoryPersistence<CallsState>();
  const fetch = options.fetch ?? createCookieFetch();
  const session = new GwsSession({
    persistence,
    fetch,
    onAlerts: (a) => alerts.push(...a),
    onChange: (change) => {
      const state = session.calls;
      const kind = state.connection.kind;
      if (shown.at(-1) !== kind) shown.push(kind);
      for (const record of state.calls) seenCallIds.add(record.call.id);
      options.onChange?.(change);
    },
    notifications: { backoff: FAST, networkDelayMs: 1_500 },
    reloginBackoff: FAST,
    restTimeoutMs: 5_000,
    ...(options.dialPlan ? { dialPlan: options.dialPlan } : {}),
    ...(options.traffic ? { traffic: options.traffic } : {}),
  });
  return {
    session,
    fetch,
    persistence,
    alerts,
    shown,
    seenCallIds,
    calls: () => session.calls,
    until: (predicate, what, timeoutMs = 5_000) =>
      waitFor(() => (predicate(session.calls) ? session.calls : undefined), {
        timeoutMs,
        message: what,
      }),
    close: () => session.logout().catch(() => undefined),
  };
}

/** Hangs up every call the agent has, and waits until none is left (no call for the next test). */
export async function hangUpAll(agent: AgentHarness): Promise<void> {
  for (const r of agent.calls().calls)
    await agent.session.operate({
      kind: 'call',
      callId: r.call.id,
      request: { operation: 'Hangup' },
    });
  await agent.until((s) => s.calls.length === 0, 'hung up');
}

export function credentials(baseUrl: string, username: string) {
  return { serverUrl: baseUrl, username, password: 'password' };
}

/** Live calls as `id:state`, sorted: the comparison key between the store and the simulator. */
export function storeCalls(state: CallsState): string[] {
  return state.calls.map((r) => `${r.call.id}:${r.call.state}`).sort();
}

export async function truthCalls(control: SimControl, agent: string): Promise<string[]> {
  const truth = await control.agent(agent);
  return truth.calls
    .map((c) => `${String(c.id)}:${String(c.state)}`)
    .filter((c) => !c.endsWith(':Released'))
    .sort();
}

/** Waits until the store shows exactly the simulator's calls and agent state, invariants intact. */
export async function untilStoreMatchesTruth(
  harness: AgentHarness,
  control: SimControl,
  agent: string,
  timeoutMs = 6_000,
): Promise<void> {
  await waitFor(
    async () => {
      const truth = await control.agent(agent);
      const userState = (truth.device.userState as { state?: string } | undefined)?.state;
      const state = harness.calls();
      const mine = state.agent.devices[0]?.device.userState?.state;
      return (
        JSON.stringify(storeCalls(state)) === JSON.stringify(await truthCalls(control, agent)) &&
        mine === userState &&
        state.connection.kind === 'connected'
      );
    },
    { timeoutMs, message: `${agent}'s store to match the simulator` },
  );
  const problems = checkInvariants(harness.calls());
  if (problems.length > 0) throw new Error(`store invariants broken: ${problems.join('; ')}`);
}
