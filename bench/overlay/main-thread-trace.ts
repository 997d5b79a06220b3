/**
 * Main-thread time of a page's renderer from a Chromium trace taken over CDP: every top-level
 * task of the page's main thread in a window, and what the browser did inside them (script,
 * intersection observers, style/layout/paint). This is what the overlay costs the page,
 * including the browser's own work on the overlay's observers and highlights, which no
 * counter inside the content script can see.
 */
import type { CDPSession } from 'playwright-core';
import { CdpTrace, clockMarkExpression, unionMs, type TraceEvent } from '../support/cdp-trace.ts';

/** A main-thread task over 50 ms in the window, and what the browser did inside it. */
export interface TraceLongTask {
  /** Start, on the page's clock (performance.now()). */
  at: number;
  ms: number;
  /** Script of the content script (its URL), and any other script (the page's). */
  overlayScriptMs: number;
  pageScriptMs: number;
  /** Scavenges (young objects: what the overlay allocated) and full collections. */
  minorGcMs: number;
  majorGcMs: number;
  styleLayoutMs: number;
  /** Pre-paint, paint, layerize and commit: what a highlight change costs. */
  paintMs: number;
  parseMs: number;
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
];
/** The user-timing mark that ties performance.now() to the trace clock. */
const CLOCK_MARK = 'overlay-bench-clock';

const SCRIPT = new Set([
  'EvaluateScript',
  'FunctionCall',
  'RunPostTaskCallback',
  'FireIdleCallback',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'v8.callFunction',
]);
const RENDERING = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Commit',
  'Layerize',
  'IntersectionObserverController::computeIntersections',
]);
const OBSERVERS = new Set(['IntersectionObserverController::computeIntersections']);
const STYLE_LAYOUT = new Set(['UpdateLayoutTree', 'Layout']);
const PAINT = new Set(['PrePaint', 'Paint', 'Commit', 'Layerize']);
/** Script events that name the script they run. */
const NAMED_SCRIPT = new Set(['EvaluateScript', 'FunctionCall']);
const LONG_TASK_MS = 50;
const MINOR_GC = new Set(['MinorGC', 'V8.GC_SCAVENGER']);
const MAJOR_GC = new Set(['MajorGC', 'V8.GC_MARK_COMPACTOR']);
const GC = new Set([...MINOR_GC, ...MAJOR_GC]);

export interface MainThreadTime {
  /** Top-level tasks of the page's main thread in the window, less the benchmark's own probes. */
  totalMs: number;
  /**
   * The same tasks' thread time: what the main thread ran, without the time it waited for a
   * core (on a loaded machine the wall time of a task grows, its thread time much less).
   */
  cpuMs: number;
  scriptMs: number;
  /** Style, layout, paint, commit and intersection observers. */
  renderingMs: number;
  observersMs: number;
  observerRuns: number;
  gcMs: number;
  windowMs: number;
  longestTaskMs: number;
  /** Tasks over 50 ms, with what filled them: the long-task goal's evidence, rendering included. */
  longTasks: TraceLongTask[];
  /** The content script's evaluation, per frame it ran in. */
  evaluations: number[];
}

const within = (inner: TraceEvent, outer: TraceEvent) =>
  inner.ts >= outer.ts && inner.ts + inner.dur! <= outer.ts + outer.dur!;

export class MainThreadTrace {
  private readonly trace: CdpTrace;

  private constructor(trace: CdpTrace) {
    this.trace = trace;
  }

  static async start(cdp: CDPSession): Promise<MainThreadTrace> {
    const keep = (e: TraceEvent) => e.ph === 'X' && !!e.dur;
    return new MainThreadTrace(await CdpTrace.start(cdp, CATEGORIES, CLOCK_MARK, keep));
  }

  /** Places the clock mark in the page (call once, before stop). */
  static mark = clockMarkExpression(CLOCK_MARK);

  /**
   * Stops the trace and sums the main-thread time from the content script's first evaluation
   * in the page's main frame to `endAt` (the page's performance.now()).
   */
  async stop(endAt: number, scriptUrlPrefix: string): Promise<MainThreadTime> {
    await this.trace.stop();
    const clock = this.trace.clock();
    const evals = this.trace.events.filter(
      (e) => e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith(scriptUrlPrefix),
    );
    if (!clock || evals.length === 0) {
      throw new Error('The trace has no clock mark or no evaluation of the content script');
    }
    const { offset } = clock;
    const first = evals.reduce((a, b) => (b.ts < a.ts ? b : a));
    const { pid, tid } = first;
    const from = first.ts;
    const to = endAt * 1000 + offset;
    const onThread = this.trace.events.filter(
      (e) => e.pid === pid && e.tid === tid && e.ts < to && e.ts + e.dur! > from,
    );
    const clip = (e: TraceEvent): [number, number] => [
      Math.max(e.ts, from),
      Math.min(e.ts + e.dur!, to),
    ];
    const tasks = onThread.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
    // The benchmark's own CDP evaluations (diagnostics polls) carry no script URL.
    const probes = onThread.filter((e) => e.name === 'EvaluateScript' && !e.args?.data);
    const probeSet = new Set(probes);
    const pick = (names: Set<string>) =>
      unionMs(onThread.filter((e) => names.has(e.name) && !probeSet.has(e)).map(clip));
    const longTasks = tasks
      .filter((t) => t.dur! / 1000 > LONG_TASK_MS && !probes.some((p) => within(p, t)))
      .map((task) => {
        const inside = onThread.filter((e) => e !== task && within(e, task));
        const sum = (keep: (e: TraceEvent) => boolean) =>
          unionMs(inside.filter(keep).map((e) => [e.ts, e.ts + e.dur!] as [number, number]));
        const ours = (e: TraceEvent) => !!e.args?.data?.url?.startsWith(scriptUrlPrefix);
        return {
          at: (task.ts - offset) / 1000,
          ms: task.dur! / 1000,
          overlayScriptMs: sum((e) => NAMED_SCRIPT.has(e.name) && ours(e)),
          pageScriptMs: sum((e) => NAMED_SCRIPT.has(e.name) && !!e.args?.data?.url && !ours(e)),
          minorGcMs: sum((e) => MINOR_GC.has(e.name)),
          majorGcMs: sum((e) => MAJOR_GC.has(e.name)),
          styleLayoutMs: sum((e) => STYLE_LAYOUT.has(e.name)),
          paintMs: sum((e) => PAINT.has(e.name)),
          parseMs: sum((e) => e.name === 'ParseHTML'),
        };
      });
    // Thread time of a task partly outside the window counts in proportion.
    const cpu = (e: TraceEvent) => {
      const [s, t] = clip(e);
      return t > s ? ((e.tdur ?? e.dur!) * (t - s)) / e.dur! / 1000 : 0;
    };
    const threadMs = (events: TraceEvent[]) => events.reduce((total, e) => total + cpu(e), 0);
    return {
      totalMs: unionMs(tasks.map(clip)) - unionMs(probes.map(clip)),
      cpuMs: threadMs(tasks) - threadMs(probes),
      scriptMs: pick(SCRIPT),
      renderingMs: pick(RENDERING),
      observersMs: pick(OBSERVERS),
      observerRuns: onThread.filter((e) => OBSERVERS.has(e.name)).length,
      gcMs: pick(GC),
      windowMs: (to - from) / 1000,
      longestTaskMs: Math.max(0, ...tasks.map((e) => e.dur! / 1000)),
      longTasks,
      evaluations: evals.map((e) => e.dur! / 1000),
    };
  }
}
