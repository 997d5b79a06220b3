/** Bounds that keep the persisted store small whatever the traffic. */

/** How long an ended call stays for the "call ended" summary. */
export const ENDED_RETENTION_MS = 120_000;
/** At most this many ended calls are kept (newest first). */
export const MAX_ENDED = 20;
/** Released/gone call ids remembered to stop late notifications resurrecting them. */
export const MAX_TOMBSTONES = 300;
/** Call ids remembered as already alerted. */
export const MAX_ALERTED_IDS = 300;
/** Unacknowledged alerts kept (oldest dropped). */
export const MAX_PENDING_ALERTS = 50;
/** State history entries kept per call (oldest dropped). */
export const MAX_HISTORY = 50;
/** Live calls kept; a flood of bogus call ids cannot grow the store without bound. */
export const MAX_ACTIVE_CALLS = 100;
/** Pending intents kept (oldest dropped). */
export const MAX_INTENTS = 50;
/** Suggested timeout for pending UI actions (gws-api.md §10: 5–10 s). */
export const DEFAULT_INTENT_TIMEOUT_MS = 8_000;
