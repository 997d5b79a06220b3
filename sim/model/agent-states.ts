/**
 * The agent-state catalogue. The four system states have fixed ids (gws-api.md §4.2, §6.4);
 * custom states are NotReady-with-reason entries invoked by their own operationName (the 8.5.0
 * `OutToLunch` example). The catalogue is published in the user's settings under
 * `settings["agent-states"]`, keyed by operationName (section/key layout of §6.6).
 */

export interface UserState {
  id: string;
  displayName: string;
  state: 'Ready' | 'NotReady';
  workMode?: string;
  reason?: string;
  reasonCode?: string;
}

export interface AgentStateDefinition extends UserState {
  operationName: string;
  /** System states are always available; custom ones come from configuration. */
  system: boolean;
}

export const READY: AgentStateDefinition = {
  operationName: 'Ready',
  system: true,
  id: '9430250E-0A1B-421F-B372-F29E69366DED',
  displayName: 'Ready',
  state: 'Ready',
};

export const NOT_READY: AgentStateDefinition = {
  operationName: 'NotReady',
  system: true,
  id: '900D55CC-2BB0-431F-8BF9-D3525B383BE6',
  displayName: 'Not Ready',
  state: 'NotReady',
};

export const AGENT_STATES: readonly AgentStateDefinition[] = [
  READY,
  NOT_READY,
  {
    operationName: 'AfterCallWork',
    system: true,
    id: 'D3663509-3D82-4DD3-A82E-2EA8EFA02AEF',
    displayName: 'AfterCallWork',
    state: 'NotReady',
    workMode: 'AfterCallWork',
  },
  {
    operationName: 'AuxWork',
    system: true,
    id: '2B36138D-C564-4562-A8CB-3C32D564F296',
    displayName: 'AuxWork',
    state: 'NotReady',
    workMode: 'AuxWork',
  },
  {
    operationName: 'OutToLunch',
    system: false,
    id: '5C1E2A57-1B0B-4D6C-9D3E-0F6E6B1A0001',
    displayName: 'Out to Lunch',
    state: 'NotReady',
    workMode: 'AuxWork',
    reason: 'Lunch',
    reasonCode: '1',
  },
  {
    operationName: 'Training',
    system: false,
    id: '5C1E2A57-1B0B-4D6C-9D3E-0F6E6B1A0002',
    displayName: 'Training',
    state: 'NotReady',
    workMode: 'AuxWork',
    reason: 'Training',
    reasonCode: '2',
  },
  {
    operationName: 'Meeting',
    system: false,
    id: '5C1E2A57-1B0B-4D6C-9D3E-0F6E6B1A0003',
    displayName: 'Meeting',
    state: 'NotReady',
    workMode: 'AuxWork',
    reason: 'Meeting',
    reasonCode: '3',
  },
];

export function findAgentState(operationName: string): AgentStateDefinition | undefined {
  return AGENT_STATES.find((s) => s.operationName === operationName);
}

/** The userState object as it appears on devices and channels. */
export function toUserState(def: AgentStateDefinition, workmode?: string): UserState {
  const out: UserState = { id: def.id, displayName: def.displayName, state: def.state };
  const workMode = def.workMode ?? workmode;
  if (workMode) out.workMode = workMode;
  if (def.reason) out.reason = def.reason;
  if (def.reasonCode) out.reasonCode = def.reasonCode;
  return out;
}

/** `settings["agent-states"]`: operationName → definition (without the internal flag). */
export function agentStatesSettings(): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const { system, ...def } of AGENT_STATES) {
    const entry: Record<string, string> = { ...def } as unknown as Record<string, string>;
    entry.type = system ? 'system' : 'custom';
    out[def.operationName] = entry;
  }
  return out;
}
