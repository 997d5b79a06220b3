/**
 * Why a detection slice took long: a Chromium trace of the service worker's thread over CDP,
 * read around each slice the worker traced itself. A slice's wall time is its task's `dur`;
 * the thread's CPU time in it is the task's `tdur` (time the thread was descheduled counts in
 * the first only); the garbage collector's pauses inside it are V8's GC events on the thread.
 */
import type { CDPSession } from 'playwright-core';
import type { SliceRecord } from '../../lib/phone/detection-service.ts';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { startTime?: number } };
}

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

function unionMs(intervals: Array<[number, number]>): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of intervals) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total / 1000;
}

export class WorkerThreadTrace {
  private readonly events: TraceEvent[] = [];
  private readonly cdp: CDPSession;

  private constructor(cdp: CDPSession) {
    this.cdp = cdp;
  }

  static async start(cdp: CDPSession): Promise<WorkerThreadTrace> {
    const trace = new WorkerThreadTrace(cdp);
    cdp.on('Tracing.dataCollected', ({ value }) => {
      for (const e of value as unknown as TraceEvent[]) {
        if (e.name === CLOCK_MARK || (e.ph === 'X' && (e.name === TASK || isGc(e.name)))) {
          trace.events.push(e);
        }
      }
    });
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
      transferMode: 'ReportEvents',
    });
    return trace;
  }

  /** Evaluated in the worker before `stop`: a mark that ties its performance.now() to the trace. */
  static mark = `performance.mark(${JSON.stringify(CLOCK_MARK)}).startTime`;

  /** Stops the trace; the causes of `slices` (times on the worker's performance.now()). */
  async stop(slices: SliceRecord[]): Promise<SliceCause[]> {
    await new Promise<void>((resolve) => {
      this.cdp.once('Tracing.tracingComplete', () => resolve());
      void this.cdp.send('Tracing.end');
    });
    const mark = this.events.find((e) => e.name === CLOCK_MARK);
    const startTime = mark?.args?.data?.startTime;
    if (!mark || startTime === undefined) throw new Error('The trace has no worker clock mark');
    const offset = mark.ts - startTime * 1000;
    const onThread = this.events.filter((e) => e.pid === mark.pid && e.tid === mark.tid);
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
