/**
 * A Chromium trace taken over CDP, kept in memory: the events a benchmark asks for, and a
 * user-timing mark that ties one context's performance.now() (a page's, a worker's) to the
 * trace's clock.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (descheduled time counts in `dur` only). */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; startTime?: number } };
}

/** Length of the union of intervals given in µs, in ms (nested events are counted once). */
export function unionMs(intervals: Array<[number, number]>): number {
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

/** The expression that places the clock mark `name` in the context it is evaluated in. */
export const clockMarkExpression = (name: string) =>
  `performance.mark(${JSON.stringify(name)}).startTime`;

export class CdpTrace {
  readonly events: TraceEvent[] = [];
  private readonly cdp: CDPSession;
  private readonly markName: string;
  private done: Promise<void> | undefined;

  private constructor(cdp: CDPSession, markName: string) {
    this.cdp = cdp;
    this.markName = markName;
  }

  /** Starts tracing `categories`, keeping the clock mark and the events `keep` accepts. */
  static async start(
    cdp: CDPSession,
    categories: string[],
    markName: string,
    keep: (e: TraceEvent) => boolean,
  ): Promise<CdpTrace> {
    const trace = new CdpTrace(cdp, markName);
    cdp.on('Tracing.dataCollected', ({ value }) => {
      for (const e of value as unknown as TraceEvent[]) {
        if (e.name === markName || keep(e)) trace.events.push(e);
      }
    });
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' },
      transferMode: 'ReportEvents',
    });
    return trace;
  }

  /** Ends the trace once; resolves when every event has come in. */
  stop(): Promise<void> {
    this.done ??= new Promise<void>((resolve) => {
      this.cdp.once('Tracing.tracingComplete', () => resolve());
      void this.cdp.send('Tracing.end');
    });
    return this.done;
  }

  /** The clock mark, and the offset (µs) from its context's performance.now() to the trace's. */
  clock(): { mark: TraceEvent; offset: number } | undefined {
    const mark = this.events.find((e) => e.name === this.markName);
    const startTime = mark?.args?.data?.startTime;
    if (!mark || startTime === undefined) return undefined;
    return { mark, offset: mark.ts - startTime * 1000 };
  }
}
