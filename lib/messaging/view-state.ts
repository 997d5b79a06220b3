import type { CallsState } from '../calls/index.ts';

/** Everything a view (popup, options) renders: who is signed in where, and the call store. */
export interface ViewState {
  serverUrl?: string;
  username?: string;
  calls: CallsState;
}
