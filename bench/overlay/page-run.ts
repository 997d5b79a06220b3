/**
 * One generated CRM page in the benchmark's browser: loads it with the overlay on, waits until
 * every number is decorated, and measures the overlay's cost on the page's main thread (its own
 * statistics, page-side long tasks and a trace), the bare TreeWalker + regex floor, and
 * optionally a burst of appended rows.
 */
import type { Page } from 'playwright-core';
import type { ChromiumExtension } from '../../tests/support/extension.ts';
import { MainThreadTrace, type MainThreadTime } from './main-thread-trace.ts';
import { OverlayProbe, type OverlayDiagnostics } from './overlay-probe.ts';
import { BARE_PASS } from './generate-page.ts';

export interface LongTask {
  start: number;
  duration: number;
}

export interface BurstResult {
  rows: number;
  numbers: number;
  decorated: number;
  ms: number;
  pageFrameMs: number;
  overlayBusyMs: number;
  slices: number;
  longestTaskMs: number;
  longestTaskAfterPageFrameMs: number;
}

export interface PageResult {
  rows: number;
  numbers: number;
  decorated: number;
  /** From the overlay's host element appearing to the scanner's queue running empty. */
  decoratedMs: number;
  stats: NonNullable<OverlayDiagnostics['stats']>;
  /** Page-side long tasks from 200 ms before the host appeared to fully decorated. */
  longTasks: LongTask[];
  longestTaskMs: number;
  bareMs: number;
  /** The same bare pass in the content script's isolated world (not the goal's floor). */
  bareInOverlayMs: number;
  /** A frame's rendering time on this page: unchanged, and with one highlight range added. */
  frameMs: number;
  highlightFrameMs: number;
  mainThread: MainThreadTime;
  /** The background's detection service while this page loaded (detection-service.ts). */
  worker: WorkerDetection;
  burst?: BurstResult;
}

export interface WorkerDetection {
  items: number;
  busyMs: number;
  slices: number;
  /** The longest slice since the worker started (a slice is what a call event can wait for). */
  maxSliceMs: number;
}

/** The detection service's counters in the worker (zero before its first page). */
async function workerDetection(ext: ChromiumExtension): Promise<WorkerDetection> {
  const worker = await ext.serviceWorker();
  const stats = await worker.evaluate(
    () => (globalThis as { gwsCtiDetection?: { stats: WorkerDetection } }).gwsCtiDetection?.stats,
  );
  const { items = 0, busyMs = 0, slices = 0, maxSliceMs = 0 } = stats ?? {};
  return { items, busyMs, slices, maxSliceMs };
}

type BenchWindow = {
  __bench: { longTasks: LongTask[]; overlayStart: number; burstFrameAt?: number };
  __benchBare(): { ms: number };
  __benchAddRows(): number;
  __benchFrame(change: boolean): Promise<number>;
};

/**
 * The page's own long tasks while it loads with the overlay off (an origin the overlay is not
 * enabled for), until its first frames after the load event: the page's own parse, style and
 * layout, which a content script injected at document idle can land next to.
 */
export async function pageAloneLongTasks(ext: ChromiumExtension, url: string): Promise<LongTask[]> {
  const page = await ext.context.newPage();
  try {
    await page.goto(url, { timeout: 120_000, waitUntil: 'load' });
    return await page.evaluate(
      () =>
        new Promise<LongTask[]>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              setTimeout(() => resolve((window as unknown as BenchWindow).__bench.longTasks), 0),
            ),
          ),
        ),
    );
  } finally {
    await page.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

export async function measurePage(
  ext: ChromiumExtension,
  url: string,
  expected: { rows: number; numbers: number; burstRows?: number; burstNumbers?: number },
): Promise<PageResult> {
  const page = await ext.context.newPage();
  try {
    const probe = await OverlayProbe.attach(page);
    const workerBefore = await workerDetection(ext);
    const trace = await MainThreadTrace.start(probe.cdp);
    await page.goto(url, { timeout: 120_000 });
    const diagnostics = await probe.settled(undefined, 300_000, (d) => d.hits >= expected.numbers);
    const stats = diagnostics.stats!;
    const workerAfter = await workerDetection(ext);
    await page.evaluate(MainThreadTrace.mark);
    const mainThread = await trace.stop(stats.lastIdleAt, ext.url('content-scripts/'));
    const timing = await page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      return { overlayStart: b.overlayStart, longTasks: b.longTasks };
    });
    const start = timing.overlayStart;
    const longTasks = timing.longTasks.filter(
      (t) => t.start + t.duration >= start - 200 && t.start <= stats.lastIdleAt,
    );
    const bare: number[] = [];
    for (let i = 0; i < 5; i++) {
      bare.push(await page.evaluate(() => (window as unknown as BenchWindow).__benchBare().ms));
    }
    bare.sort((a, b) => a - b);
    const bareInOverlay: number[] = [];
    for (let i = 0; i < 5; i++) {
      const pass = await probe.evaluateInOverlay<{ ms: number }>(`(${BARE_PASS})()`);
      bareInOverlay.push(pass!.ms);
    }
    const frames: number[] = [];
    const highlightFrames: number[] = [];
    for (let i = 0; i < 3; i++) {
      frames.push(
        await page.evaluate(() => (window as unknown as BenchWindow).__benchFrame(false)),
      );
      highlightFrames.push(
        await page.evaluate(() => (window as unknown as BenchWindow).__benchFrame(true)),
      );
    }
    const result: PageResult = {
      rows: expected.rows,
      numbers: expected.numbers,
      decorated: diagnostics.hits,
      decoratedMs: stats.lastIdleAt - start,
      stats,
      longTasks,
      longestTaskMs: Math.max(0, ...longTasks.map((t) => t.duration)),
      bareMs: bare[2]!,
      bareInOverlayMs: median(bareInOverlay),
      frameMs: median(frames),
      highlightFrameMs: median(highlightFrames),
      mainThread,
      worker: {
        items: workerAfter.items - workerBefore.items,
        busyMs: workerAfter.busyMs - workerBefore.busyMs,
        slices: workerAfter.slices - workerBefore.slices,
        maxSliceMs: workerAfter.maxSliceMs,
      },
    };
    if (expected.burstRows) result.burst = await measureBurst(page, probe, diagnostics, expected);
    return result;
  } finally {
    await page.close();
  }
}

/** A burst of rows added in one go, as an SPA appends a page of results. */
async function measureBurst(
  page: Page,
  probe: OverlayProbe,
  before: OverlayDiagnostics,
  expected: { numbers: number; burstRows?: number; burstNumbers?: number },
): Promise<BurstResult> {
  const burstNumbers = expected.burstNumbers ?? 0;
  const burstStart = await page.evaluate(() => (window as unknown as BenchWindow).__benchAddRows());
  const after = await probe.settled(
    undefined,
    60_000,
    (d) => d.hits >= expected.numbers + burstNumbers,
  );
  const frameAt = await page.evaluate(
    () => (window as unknown as BenchWindow).__bench.burstFrameAt ?? NaN,
  );
  const slices = (after.stats?.recent ?? []).filter((s) => s.at >= burstStart);
  const tasks = (
    await page.evaluate(() => (window as unknown as BenchWindow).__bench.longTasks)
  ).filter((t) => t.start >= burstStart);
  // The page's own relayout after the insert is not the overlay's: only tasks after that
  // first frame count against the overlay.
  const overlayTasks = tasks.filter((t) => t.start >= frameAt);
  return {
    rows: expected.burstRows ?? 0,
    numbers: burstNumbers,
    decorated: after.hits - before.hits,
    ms: after.stats!.lastIdleAt - burstStart,
    pageFrameMs: frameAt - burstStart,
    overlayBusyMs: slices.reduce((sum, s) => sum + s.ms, 0),
    slices: slices.length,
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    longestTaskAfterPageFrameMs: Math.max(0, ...overlayTasks.map((t) => t.duration)),
  };
}
