/**
 * The browser keeps a PerformanceResourceTiming entry for every `fetch` (each long poll, each
 * REST request) until its resource-timing buffer (250 entries by default) is full, and keeps
 * them for the life of the worker or background page. Nothing in the extension reads them, so
 * the buffer is set to hold none: a busy day then costs no more memory than a quiet one.
 * Guarded because not every context exposes the call (it is standard in windows and workers).
 */
export function keepNoResourceTimings(
  perf: Partial<Performance> | undefined = globalThis.performance,
): void {
  perf?.setResourceTimingBufferSize?.(0);
  perf?.clearResourceTimings?.();
}
