import type { AwayRecord } from '../auto-not-ready/away-record.ts';
import type { AgentStateDefinition, UserState } from '../gws/types.ts';
import { t, uiLanguage, type MessageKey } from '../i18n/messages.ts';

/** The four system states (gws-api.md §4.2, §6.4): ours to translate; custom ones keep GWS's name. */
const SYSTEM_STATES: ReadonlyArray<{ operationName: string; id: string; label: MessageKey }> = [
  { operationName: 'Ready', id: '9430250E-0A1B-421F-B372-F29E69366DED', label: 'agentStateReady' },
  {
    operationName: 'NotReady',
    id: '900D55CC-2BB0-431F-8BF9-D3525B383BE6',
    label: 'agentStateNotReady',
  },
  {
    operationName: 'AfterCallWork',
    id: 'D3663509-3D82-4DD3-A82E-2EA8EFA02AEF',
    label: 'agentStateAfterCallWork',
  },
  {
    operationName: 'AuxWork',
    id: '2B36138D-C564-4562-A8CB-3C32D564F296',
    label: 'agentStateAuxWork',
  },
];

export type StateTone = 'ready' | 'not-ready' | 'after-call-work' | 'other';

function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toUpperCase() === b.toUpperCase();
}

function withReason(name: string, reason: string | undefined): string {
  if (!reason || name.toLowerCase().includes(reason.toLowerCase())) return name;
  return t('agentStateWithReason', [name, reason]);
}

/** The name shown for a catalogue entry. */
export function definitionLabel(def: AgentStateDefinition): string {
  const system = SYSTEM_STATES.find(
    (s) => s.operationName === def.operationName && (def.id === undefined || sameId(s.id, def.id)),
  );
  if (system) return t(system.label);
  return withReason(def.displayName || def.operationName, def.reason);
}

/** The name shown for the agent's current state. */
export function userStateLabel(us: UserState): string {
  const system = SYSTEM_STATES.find((s) => sameId(s.id, us.id));
  if (system) return t(system.label);
  if (us.state === 'Ready' && !us.displayName) return t('agentStateReady');
  if (us.state === 'LoggedIn' && !us.displayName) return t('agentStateLoggedIn');
  return withReason(us.displayName || us.state, us.reason);
}

/**
 * The catalogue entry the agent is in now: by userState id, else by state + work mode +
 * reason + name (custom states may come without ids), else none (e.g. `LoggedIn` after
 * login, or a state configured after the catalogue was read).
 */
export function currentDefinition(
  defs: readonly AgentStateDefinition[],
  us: UserState | undefined,
): AgentStateDefinition | undefined {
  if (!us) return undefined;
  const byId = defs.find((d) => sameId(d.id, us.id));
  if (byId) return byId;
  const alike = defs.filter(
    (d) =>
      d.state === us.state &&
      (d.workMode ?? '') === (us.workMode ?? '') &&
      (d.reason ?? '') === (us.reason ?? ''),
  );
  // A named state that matches no entry by name is not guessed: the picker shows GWS's name.
  if (us.displayName) return alike.find((d) => d.displayName === us.displayName);
  return alike[0];
}

export function stateTone(us: UserState | undefined): StateTone {
  if (!us) return 'other';
  if (us.state === 'Ready') return 'ready';
  if (us.workMode === 'AfterCallWork') return 'after-call-work';
  if (us.state === 'NotReady') return 'not-ready';
  return 'other';
}

/** Every operationName an agent-state intent can carry (to show one spinner for all). */
export function agentStateOperations(defs: readonly AgentStateDefinition[]): string[] {
  return defs.map((d) => d.operationName);
}

/** "Not Ready — workstation locked at 14:02": why the extension made the agent Not Ready. */
export function awayNoteText(record: AwayRecord): string {
  const time = new Intl.DateTimeFormat(uiLanguage(), { hour: '2-digit', minute: '2-digit' }).format(
    record.at,
  );
  return t(record.cause === 'locked' ? 'awayNotReadyLocked' : 'awayNotReadyIdle', time);
}
