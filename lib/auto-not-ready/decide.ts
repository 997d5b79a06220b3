import type { AgentStateDefinition, UserState } from '../gws/types.ts';

/** What `idle.onStateChanged` reports: input seen lately, none for the threshold, locked. */
export type IdleState = 'active' | 'idle' | 'locked';

/** Why the agent was made Not Ready: the workstation locked, or no input for a while. */
export type AwayCause = 'locked' | 'idle';

export interface AwaySettings {
  notReadyOnLock: boolean;
  notReadyOnIdle: boolean;
  /** The Not Ready state to set: an operationName, reason or reason code; '' plain NotReady. */
  notReadyState: string;
}

/**
 * The cause that applies to `idle` under `settings`, if any. A locked workstation counts as
 * idle too: with only "idle" on, an agent whose screen locks before the idle threshold is no
 * less away.
 */
export function awayCause(idle: IdleState, settings: AwaySettings): AwayCause | undefined {
  if (idle === 'locked' && (settings.notReadyOnLock || settings.notReadyOnIdle)) return 'locked';
  if (idle === 'idle' && settings.notReadyOnIdle) return 'idle';
  return undefined;
}

export interface AwayFacts {
  idle: IdleState;
  settings: AwaySettings;
  /** The push channel is up: a state change can be sent and its effect seen. */
  connected: boolean;
  userState: UserState | undefined;
  /** A call is live (ringing, dialling, established or held). */
  onCall: boolean;
  /** Not Ready was already set in this away period: never twice, never fighting a change. */
  appliedThisPeriod: boolean;
}

export type AwayDecision =
  | { kind: 'none' }
  /** Away during a live call: nothing now; decided again when the call ends. */
  | { kind: 'wait-for-call'; cause: AwayCause }
  | { kind: 'not-ready'; cause: AwayCause };

/**
 * Whether to make the agent Not Ready now. Only a Ready agent is changed (Not Ready already,
 * After Call Work and custom states are left as they are; a wrap-up that ends in Ready while
 * the agent is still away is caught when that Ready arrives). Never during a live call: the
 * change waits for the call to end, so the agent is not in a new call's way while away but
 * the call they are on is not disturbed. Coming back ('active') never decides anything:
 * Ready again is the agent's own choice.
 */
export function decideAway(facts: AwayFacts): AwayDecision {
  const cause = awayCause(facts.idle, facts.settings);
  if (!cause || facts.appliedThisPeriod || !facts.connected) return { kind: 'none' };
  if (facts.onCall) return { kind: 'wait-for-call', cause };
  if (facts.userState?.state !== 'Ready') return { kind: 'none' };
  return { kind: 'not-ready', cause };
}

/**
 * The operationName to post for the configured Not Ready state: a NotReady state of the
 * agent's catalogue named by its operationName, reason code or reason; plain `NotReady` when
 * none is configured, or when the catalogue has no such state (`missing` says so, for the
 * diagnostics: the agent is away either way).
 */
export function notReadyOperation(
  wanted: string,
  catalogue: readonly AgentStateDefinition[],
): { operationName: string; missing?: string } {
  const name = wanted.trim();
  if (name === '') return { operationName: 'NotReady' };
  const found = catalogue.find(
    (d) =>
      d.state !== 'Ready' &&
      (d.operationName === name || d.reasonCode === name || d.reason === name),
  );
  return found
    ? { operationName: found.operationName }
    : { operationName: 'NotReady', missing: name };
}
