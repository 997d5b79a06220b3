/**
 * Why a detection slice took long: a Chromium trace of the service worker's thread over CDP,
 * read around each slice the worker traced itself. A slice's wall time is its task's `dur`;
 * the thread's CPU time in it is the task's `tdur` (time the thread was descheduled counts in
 * the first only); the garbage collector's pauses inside it are V8's GC events on the thread.
 */
import type { CDPSession } from 'playwright-core';
import { CdpTrace, clockMarkExpression, unionMs } from '../support/cdp-trace.ts';
import type { SliceRecord } from '../../lib/phone/detection-service.ts';

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-v8.gc',
  'blink.user_timing',
];
const CLOCK_MARK = 'detection-bench-clock';
const TASK = 'ThreadControllerImpl::RunTask';
const isGc = (name: string) => name === 'MinorGC' || name === 'MajorGC' || name.startsWith('V8.GC');

/** What a long slice's time went to, ms. */
export interface SliceCause {
  wallMs: number;
  /** The thread's CPU time in the slice's task (undefined: no task found around it). */
  cpuMs: number | undefined;
  gcMs: number;
}

export class WorkerThreadTrace {
  private readonly trace: CdpTrace;

  private constructor(trace: CdpTrace) {
    this.trace = trace;
  }

  static async start(cdp: CDPSession): Promise<WorkerThreadTrace> {
    const keep = (e: { ph: string; name: string }) =>
      e.ph === 'X' && (e.name === TASK || isGc(e.name));
    return new WorkerThreadTrace(await CdpTrace.start(cdp, CATEGORIES, CLOCK_MARK, keep));
  }

  /** Evaluated in the worker before `stop`: a mark that ties its performance.now() to the trace. */
  static mark = clockMarkExpression(CLOCK_MARK);

  /** Stops the trace; the causes of `slices` (times on the worker's performance.now()). */
  async stop(slices: SliceRecord[]): Promise<SliceCause[]> {
    await this.trace.stop();
    const clock = this.trace.clock();
    if (!clock) throw new Error('The trace has no worker clock mark');
    const { mark, offset } = clock;
    const onThread = this.trace.events.filter((e) => e.pid === mark.pid && e.tid === mark.tid);
    const tasks = onThread.filter((e) => e.name === TASK);
    const gcs = onThread.filter((e) => isGc(e.name));
    return slices.map((slice) => {
      const from = slice.start * 1000 + offset;
      const to = slice.end * 1000 + offset;
      const task = tasks.find((t) => t.ts <= from && t.ts + t.dur! >= to);
      const gcIn = gcs
        .filter((g) => g.ts < to && g.ts + g.dur! > from)
        .map((g): [number, number] => [Math.max(g.ts, from), Math.min(g.ts + g.dur!, to)]);
      return {
        wallMs: slice.end - slice.start,
        cpuMs: task?.tdur === undefined ? undefined : task.tdur / 1000,
        gcMs: unionMs(gcIn),
      };
    });
  }
}
