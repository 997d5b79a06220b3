/** `storage.local` key of the call-log outbox: survives worker and browser restarts. */
export const CALL_LOG_OUTBOX_KEY = 'callLogOutbox';
/** Call ids remembered as delivered (oldest dropped). */
export const MAX_SENT_IDS = 1000;
/** Records waiting at most; the oldest is given up (and said so in the diagnostics). */
export const MAX_OUTBOX = 100;
/** A record is given up after this many failed attempts. */
export const MAX_ATTEMPTS = 8;

/** One call record waiting to be POSTed. */
export interface OutboxItem {
  callId: string;
  /** The JSON body, as it will be sent. */
  record: Record<string, unknown>;
  attempts: number;
  /** Not before this time (epoch ms). */
  nextAt: number;
  lastError?: string;
}

export interface CallLogOutbox {
  items: OutboxItem[];
  /** Delivered call ids: a call is never logged twice. */
  sent: string[];
}

export function emptyOutbox(): CallLogOutbox {
  return { items: [], sent: [] };
}

export function decodeOutbox(raw: unknown): CallLogOutbox {
  if (typeof raw !== 'object' || raw === null) return emptyOutbox();
  const value = raw as Partial<CallLogOutbox>;
  return {
    items: Array.isArray(value.items)
      ? value.items.filter((i) => typeof i?.callId === 'string' && typeof i.record === 'object')
      : [],
    sent: Array.isArray(value.sent) ? value.sent.filter((s) => typeof s === 'string') : [],
  };
}

/** Queues a record unless its call was delivered or is queued already (idempotency). */
export function enqueueRecord(
  outbox: CallLogOutbox,
  callId: string,
  record: Record<string, unknown>,
  now: number,
): CallLogOutbox {
  if (outbox.sent.includes(callId) || outbox.items.some((i) => i.callId === callId)) return outbox;
  const items = [...outbox.items, { callId, record, attempts: 0, nextAt: now }];
  return { ...outbox, items: items.slice(-MAX_OUTBOX) };
}

export function markSent(outbox: CallLogOutbox, callId: string): CallLogOutbox {
  return {
    items: outbox.items.filter((i) => i.callId !== callId),
    sent: [...outbox.sent.filter((s) => s !== callId), callId].slice(-MAX_SENT_IDS),
  };
}

/** One more failure: the next attempt later, or the record given up after MAX_ATTEMPTS. */
export function markFailed(
  outbox: CallLogOutbox,
  callId: string,
  error: string,
  retryAt: number,
): CallLogOutbox {
  const items = outbox.items
    .map((i) =>
      i.callId === callId
        ? { ...i, attempts: i.attempts + 1, nextAt: retryAt, lastError: error }
        : i,
    )
    .filter((i) => i.attempts < MAX_ATTEMPTS);
  return { ...outbox, items };
}
