import type { CallsState } from '../calls/index.ts';

/**
 * Why calls cannot be controlled right now, if they cannot: the push channel is down (what
 * the cards show may be out of date), or GWS is up but its voice service is not. `since`
 * freezes the call timers at the moment the outage began.
 */
export type CallDegradation = { kind: 'offline'; since: number } | { kind: 'voice'; since: number };

export function callDegradation(
  calls: Pick<CallsState, 'connection' | 'voice'>,
): CallDegradation | undefined {
  const connection = calls.connection;
  if (connection.kind === 'loggedOut') return undefined;
  if (connection.kind !== 'connected') return { kind: 'offline', since: connection.since };
  if (calls.voice) return { kind: 'voice', since: calls.voice.since };
  return undefined;
}

/** Error codes of commands that failed because of an outage: recovery resolves them. */
export const OUTAGE_ERROR_CODES: ReadonlySet<string> = new Set([
  'unavailable',
  'network',
  'timeout',
  'unauthenticated',
  'csrf',
  'not-signed-in',
]);
