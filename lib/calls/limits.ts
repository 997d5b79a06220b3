/** Bounds that keep the persisted store small whatever the traffic. */

/** How long an ended call stays for the "call ended" summary. */
export const ENDED_RETENTION_MS = 120_000;
/** At most this many ended calls are kept (newest first). */
export const MAX_ENDED = 20;
/**
 * Released/gone call ids remembered to stop late notifications resurrecting them. A late
 * notification comes from a poll or a recovery snapshot already on its way when the call
 * ended, so seconds matter: 300 ids cover 6 s even at 50 calls per second, and cost ~17 kB.
 */
export const MAX_TOMBSTONES = 300;
/**
 * Call ids remembered as already alerted, so a recovery that still sees a call ringing does
 * not alert it twice. Only a live call can ring again, and live calls are bounded by
 * MAX_ACTIVE_CALLS; the margin above that keeps the ids of calls that arrived together in a
 * burst (~17 kB at 300).
 */
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
