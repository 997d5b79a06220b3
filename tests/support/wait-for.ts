/**
 * Polls `predicate` until it returns a truthy value (which is returned) or the deadline
 * passes (which throws with `message`). For state that changes asynchronously; no fixed sleeps.
 */
export interface WaitForOptions {
  timeoutMs?: number;
  intervalMs?: number;
  message?: string;
}

export async function waitFor<T>(
  predicate: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { timeoutMs = 5_000, intervalMs = 20, message = 'condition' }: WaitForOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await predicate();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
