/**
 * Work that runs one item at a time, in order (browser APIs that must not race: tabs, the
 * pop ledger, notifications, the badge, the ring tone). Waiting items sit in an array and
 * one loop runs them; a chain of `promise.then(task)` would instead hold a promise, a
 * reaction and a closure per item until everything ahead had settled, which is how a burst
 * of calls built a heap backlog. Work that only has to catch up with the latest state is
 * queued under a key, and waits at most once.
 */
export class TaskQueue {
  private readonly waiting: Array<{ key?: string; run: () => Promise<void> }> = [];
  private readonly waitingKeys = new Set<string>();
  private draining: Promise<void> | undefined;
  private readonly onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void) {
    this.onError = onError;
  }

  push(run: () => Promise<void>): void {
    this.waiting.push({ run });
    this.draining ??= this.drain();
  }

  /** Queues `run` unless work under the same key is waiting already (it reads the latest). */
  pushLatest(key: string, run: () => Promise<void>): void {
    if (this.waitingKeys.has(key)) return;
    this.waitingKeys.add(key);
    this.waiting.push({ key, run });
    this.draining ??= this.drain();
  }

  /** Resolves once everything queued so far (and since) has run. */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    for (let item = this.waiting.shift(); item; item = this.waiting.shift()) {
      if (item.key !== undefined) this.waitingKeys.delete(item.key);
      try {
        await item.run();
      } catch (error) {
        this.onError(error);
      }
    }
    this.draining = undefined;
  }
}
