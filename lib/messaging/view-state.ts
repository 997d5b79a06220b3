import type { CallsState, CallsView } from '../calls/index.ts';

/** Everything a view (popup, options) renders: who is signed in where, and the calls. */
export interface ViewState {
  serverUrl?: string;
  username?: string;
  calls: CallsView;
}

/**
 * The view of a store state: only what views render. The store's bookkeeping (tombstones,
 * alerted ids, the alert queue) stays in the background and is never posted to a view.
 */
export function projectView(
  state: CallsState,
  signedIn?: { serverUrl: string; username: string },
): ViewState {
  const { tombstones: _tombstones, alertedIds: _alertedIds, alerts: _alerts, ...calls } = state;
  return signedIn
    ? { serverUrl: signedIn.serverUrl, username: signedIn.username, calls }
    : { calls };
}
