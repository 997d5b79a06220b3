import type { ErrorEvent } from '../gws/types.ts';
import type { CallsState, PendingIntent, StoreError } from './store-types.ts';
import { keepLast } from './call-records.ts';
import { MAX_INTENTS } from './limits.ts';

/** Records a request in flight so views can show a spinner until its effect arrives. */
export function startIntent(state: CallsState, intent: PendingIntent): CallsState {
  const others = state.intents.filter((i) => i.id !== intent.id);
  return { ...state, intents: keepLast([...others, intent], MAX_INTENTS) };
}

/** Removes the intents matching `match` (their effect arrived, they failed, or timed out). */
export function settleIntents(
  state: CallsState,
  match: (intent: PendingIntent) => boolean,
): CallsState {
  if (!state.intents.some(match)) return state;
  return { ...state, intents: state.intents.filter((i) => !match(i)) };
}

export function expireIntents(state: CallsState, now: number, timeoutMs: number): CallsState {
  return settleIntents(state, (i) => now - i.startedAt >= timeoutMs);
}

/**
 * An asynchronous ErrorMessage (gws-api.md §10) fails the intents for its call, or, when it
 * names no call (its shape is unknown, open question 1), every pending intent: the error
 * belongs to one of them and none can be told apart.
 */
export function applyError(state: CallsState, event: ErrorEvent, now: number): CallsState {
  const match = (i: PendingIntent): boolean =>
    event.callId === undefined || i.callId === event.callId;
  const failed = state.intents.filter(match).map((i) => i.id);
  const last = state.lastError;
  const repeat =
    last !== undefined &&
    last.errorCode === event.errorCode &&
    last.errorMessage === event.errorMessage &&
    last.callId === event.callId;
  // A duplicate delivery of the same error that fails nothing new must not hide what the first failed.
  if (repeat && failed.length === 0) return state;
  const error: StoreError = { at: now, intentIds: failed };
  if (event.errorCode !== undefined) error.errorCode = event.errorCode;
  if (event.errorMessage !== undefined) error.errorMessage = event.errorMessage;
  if (event.callId !== undefined) error.callId = event.callId;
  return { ...settleIntents(state, match), lastError: error };
}
