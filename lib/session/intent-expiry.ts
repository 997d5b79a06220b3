import type { PendingIntent } from '../calls/index.ts';

export interface IntentExpiryOptions {
  timeoutMs: number;
  now: () => number;
  intents: () => readonly PendingIntent[];
  /** Drops the intents that are due (dispatches `intents-expire`). */
  expire: () => void;
}

/**
 * Ends the pending intents GWS never answered. One timer, for the earliest expiry, re-armed
 * as intents come and go and cleared while none is pending: a burst of operations costs one
 * timer, not one each that outlives its intent.
 */
export class IntentExpiry {
  private readonly options: IntentExpiryOptions;
  private handle: ReturnType<typeof setTimeout> | undefined;
  private dueAt: number | undefined;

  constructor(options: IntentExpiryOptions) {
    this.options = options;
  }

  /** Call after every change of the store's intents. */
  sync(): void {
    const intents = this.options.intents();
    if (intents.length === 0) {
      this.cancel();
      return;
    }
    let earliest = Infinity;
    for (const intent of intents) earliest = Math.min(earliest, intent.startedAt);
    const dueAt = earliest + this.options.timeoutMs;
    if (dueAt === this.dueAt) return;
    this.cancel();
    this.dueAt = dueAt;
    this.handle = setTimeout(
      () => {
        this.handle = undefined;
        this.dueAt = undefined;
        this.options.expire();
        // A timer that fired a little early expired nothing and changed nothing: re-arm.
        this.sync();
      },
      Math.max(0, dueAt - this.options.now()),
    );
  }

  cancel(): void {
    if (this.handle !== undefined) clearTimeout(this.handle);
    this.handle = undefined;
    this.dueAt = undefined;
  }
}
