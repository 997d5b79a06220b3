import type { Disposition } from '../settings/wrap-up-settings.ts';
import type { ServerWrapUp } from './server-wrap-up.ts';

/** `storage.session` key of the wrap-up state (views read it; the background writes it). */
export const WRAP_UP_STATE_KEY = 'wrapUp';
/** Wrap-ups kept waiting at most (oldest dropped): an agent cannot owe more. */
export const MAX_PENDING_WRAP_UPS = 20;
/** Dispositions chosen on live calls remembered at most. */
const MAX_CHOSEN = 50;
export const MAX_NOTES_LENGTH = 2000;
const MAX_HANDLED = 200;

/** A disposition (and notes) the agent chose for a call. */
export interface Choice {
  code?: string;
  notes?: string;
}

/** A call that ended and is not wrapped up yet. */
export interface PendingWrapUp {
  callId: string;
  number: string;
  name?: string;
  endedAt: number;
  choice: Choice;
  /** The agent was put in After Call Work for this call. */
  acw: boolean;
  /** When the ACW countdown ends; none without a wrap-up time. */
  acwUntil?: number;
}

/** What the popup renders for wrap-up, and what the background needs across restarts. */
export interface WrapUpState {
  pending: PendingWrapUp[];
  /** Ended calls already taken in (a restarted worker sees the store's ended list again). */
  handled: string[];
  /** Choices made on calls still live, by call id. */
  chosen: Record<string, Choice>;
  /** Agent-state operationName to apply once the current call is over (e.g. OutToLunch). */
  nextState?: string;
  /** The catalogue in force (settings, policy, else GWS) and its rules. */
  dispositions: Disposition[];
  dispositionKey: string;
  required: boolean;
  /** Attached-data keys (or `PREFIX*` patterns) the agent may not edit or delete. */
  readOnlyKeys: string[];
  /** What the GWS settings said, kept so a restarted worker has it before it can ask again. */
  server?: ServerWrapUp;
}

export function emptyWrapUpState(): WrapUpState {
  return {
    pending: [],
    handled: [],
    chosen: {},
    dispositions: [],
    dispositionKey: 'DispositionCode',
    required: false,
    readOnlyKeys: [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whatever is stored → a usable state (it is written only by this extension). */
export function decodeWrapUpState(raw: unknown): WrapUpState {
  if (
    !isRecord(raw) ||
    !Array.isArray(raw.pending) ||
    !Array.isArray(raw.handled) ||
    !Array.isArray(raw.readOnlyKeys) ||
    !isRecord(raw.chosen)
  ) {
    return emptyWrapUpState();
  }
  return raw as unknown as WrapUpState;
}

/** True when the choice satisfies the rules: a code when one is required. */
export function isComplete(choice: Choice, state: Pick<WrapUpState, 'required'>): boolean {
  return !state.required || (choice.code !== undefined && choice.code !== '');
}

/** The agent may go Ready only when no ended call still lacks a required disposition. */
export function blocksReady(state: WrapUpState): boolean {
  return state.pending.some((p) => !isComplete(p.choice, state));
}

/** Remembers that an ended call was taken in (bounded, oldest dropped). */
export function markHandled(state: WrapUpState, callId: string): WrapUpState {
  if (state.handled.includes(callId)) return state;
  return { ...state, handled: [...state.handled, callId].slice(-MAX_HANDLED) };
}

/** Records a choice for a live call or a pending wrap-up. */
export function choose(state: WrapUpState, callId: string, choice: Choice): WrapUpState {
  const clean: Choice = {
    ...(choice.code ? { code: choice.code } : {}),
    ...(choice.notes ? { notes: choice.notes.slice(0, MAX_NOTES_LENGTH) } : {}),
  };
  if (state.pending.some((p) => p.callId === callId)) {
    return {
      ...state,
      pending: state.pending.map((p) =>
        p.callId === callId ? { ...p, choice: { ...p.choice, ...clean } } : p,
      ),
    };
  }
  const entries = Object.entries({
    ...state.chosen,
    [callId]: { ...state.chosen[callId], ...clean },
  });
  return { ...state, chosen: Object.fromEntries(entries.slice(-MAX_CHOSEN)) };
}

/** A call ended and needs wrapping up; its live choice moves with it. */
export function addPending(state: WrapUpState, item: PendingWrapUp): WrapUpState {
  if (state.pending.some((p) => p.callId === item.callId)) return state;
  const chosen = { ...state.chosen };
  const live = chosen[item.callId];
  delete chosen[item.callId];
  const choice = { ...item.choice, ...live };
  const pending = [...state.pending, { ...item, choice }].slice(-MAX_PENDING_WRAP_UPS);
  return { ...state, pending, chosen };
}

export function removePending(state: WrapUpState, callId: string): WrapUpState {
  return { ...state, pending: state.pending.filter((p) => p.callId !== callId) };
}

/** Forgets choices of calls that neither live nor wait for wrap-up any more. */
export function forgetChoices(state: WrapUpState, live: ReadonlySet<string>): WrapUpState {
  const kept = Object.entries(state.chosen).filter(([id]) => live.has(id));
  if (kept.length === Object.keys(state.chosen).length) return state;
  return { ...state, chosen: Object.fromEntries(kept) };
}
