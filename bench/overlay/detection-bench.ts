/**
 * The background's detection service under a big CRM page, in Chromium with the built
 * extension signed in to the simulator: how much worker time detecting the 5,000-row page
 * costs, how often the cache answers (first load, then a reload of the same page), and how
 * late a call event reaches the views while the page is being detected, against the same
 * measure with the worker idle.
 *
 * A call event's delay is measured from its CometD answer leaving a logging proxy in front of
 * the simulator (the worker's receipt, give or take a loopback hop) to the view push carrying
 * the call arriving at an extension page (CometD message → parse → reducer → view push). Calls
 * ring one after the other (each caller its own number), each hung up and gone from the view
 * before the next rings, so no event of the one before is taken for it; under load, only calls
 * rung while the page was still waiting for detections count.
 *
 * With `--baseline DIR` (another Chromium build, e.g. one made before a change), the same
 * measures are taken for that build first, each in a browser, simulator and proxy of its own,
 * and printed beside the current build's with their ratios: a before/after in one run.
 */
import { serve } from './bench-pages.ts';
import { numberOption } from '../support/options.ts';
import type { Page } from 'playwright-core';
import { startSimulator } from '../../sim/index.ts';
import { SimControl, waitFor } from '../../tests/support/sim.ts';
import { launchChromiumWithExtension } from '../../tests/support/extension.ts';
import { extensionCommands, sendRuntimeMessage } from '../../tests/support/extension-commands.ts';
import type { DetectionStats } from '../../lib/phone/detection-service.ts';
import { startLoggingProxy, type LoggingProxy } from '../support/logging-proxy.ts';
import { distribution, textTable, type Distribution } from '../support/stats.ts';
import { generateRows, pageHtml, type BenchRow } from './generate-page.ts';
import { DEFAULT_SLICE_MS } from '../../lib/phone/detection-service.ts';
import {
  callPaths,
  summarisePaths,
  summariseSlices,
  summariseTraffic,
  type PathSummary,
  type RungCall,
  type SliceSummary,
  type WorkerTraces,
} from './detection-trace.ts';
import { WorkerThreadTrace, type SliceCause } from './worker-thread-trace.ts';
import { workerHeapAfterGc } from './worker-heap.ts';
import { enableCrmSites, OverlayProbe } from './overlay-probe.ts';

export const DETECTION_USAGE = '[--rows 5000] [--idle-calls 10] [--baseline <chromium build dir>]';

const AGENT = 'agent1';

/** Records, in an extension page, when each view push arrives and which calls it holds. */
async function recordPushes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __pushes: Array<{ at: number; ids: string[] }>;
      __longTasks: Array<[number, number]>;
    };
    w.__pushes = [];
    // The popup's own long tasks (its rendering of a push, or anything else on its thread),
    // as [Date.now() of the start, ms].
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__longTasks.push([performance.timeOrigin + e.startTime, e.duration]);
      }
    }).observe({ type: 'longtask' });
    const runtime = (
      globalThis as unknown as {
        chrome: {
          runtime: {
            connect(o: { name: string }): {
              onMessage: { addListener(f: (m: unknown) => void): void };
            };
          };
        };
      }
    ).chrome.runtime;
    const port = runtime.connect({ name: 'gws-cti.view' });
    port.onMessage.addListener((message: unknown) => {
      const push = message as { type?: string; state?: { calls: { calls: unknown[] } } };
      if (push.type !== 'state' || !push.state) return;
      const ids = push.state.calls.calls.map((r) => (r as { call: { id: string } }).call.id);
      w.__pushes.push({ at: Date.now(), ids });
    });
  });
}

async function pushedAt(page: Page, callId: string): Promise<number | undefined> {
  return page.evaluate(
    (id) =>
      (window as unknown as { __pushes: Array<{ at: number; ids: string[] }> }).__pushes.find((p) =>
        p.ids.includes(id),
      )?.at,
    callId,
  );
}

/** The first poll answer after `since` that delivered an event (not a /meta/ message). */
function deliveredAnswer(proxy: LoggingProxy, since: number) {
  return proxy.polls.find(
    (p) =>
      p.answeredAt !== undefined &&
      p.answeredAt >= since &&
      (p.answerChannels ?? []).some((c) => !c.startsWith('/meta/')),
  );
}

/** What one build's run measured. */
interface DetectionRun {
  decorated: number;
  load: { items: number; hits: number; busyMs: number; slices: number };
  reload: { items: number; hits: number; busyMs: number };
  all: DetectionStats;
  /** Patterns the worker's libphonenumber keeps compiled (builds that keep none: undefined). */
  compiledPatterns: number | undefined;
  idleLag: Distribution;
  loadLag: Distribution;
  idle: Distribution;
  loaded: Distribution;
  traffic: ReturnType<typeof summariseTraffic>;
  idlePaths: PathSummary;
  /** The idle calls after the page (its tab in front, the popup's behind). */
  idleAfterPaths: PathSummary;
  /** The popup's long tasks: count and longest, idle before the page and after it. */
  popupLongTasks: { before: Distribution; after: Distribution };
  loadedPaths: PathSummary;
  loadSlices: SliceSummary;
  /** What the first load's slices over twice the budget spent their time on. */
  longSliceCauses: SliceCause[];
  /** The cache after the first load: entries and characters. */
  cache: { entries: number; chars: number };
  /** The worker's heap after a full GC before the page, and after its first load, bytes. */
  heap: { before: number; full: number };
}

/** Measures one build (`extensionDir`, default the current Chromium build). */
async function measureBuild(
  rows: BenchRow[],
  idleCalls: number,
  extensionDir: string | undefined,
): Promise<DetectionRun> {
  let simAddress = '';
  const proxy = await startLoggingProxy(() => simAddress);
  const sim = await startSimulator({ port: 0, publicBaseUrl: proxy.url });
  simAddress = `http://127.0.0.1:${sim.port}`;
  const control = new SimControl(simAddress);
  const site = await serve(new Map([['/bench', pageHtml(rows, [])]]));
  const ext = await launchChromiumWithExtension(extensionDir ? { extensionDir } : {});
  try {
    const popup = await ext.openPage('popup.html');
    const commands = extensionCommands((m) => popup.evaluate(sendRuntimeMessage, m));
    await enableCrmSites(popup, ['http://127.0.0.1/*']);
    await commands.login(proxy.url, AGENT);
    await commands.until((v) => v.calls.connection.kind === 'connected', 'connected', 15_000);
    await recordPushes(popup);
    const worker = await ext.serviceWorker();
    await worker.evaluate(() => {
      const g = globalThis as unknown as {
        gwsCtiDetection: { startTrace(): unknown };
        __trace: unknown;
      };
      g.__trace = g.gwsCtiDetection.startTrace();
    });
    const traces = () =>
      worker.evaluate(() => {
        const t = (globalThis as unknown as { __trace: WorkerTraces }).__trace;
        return { slices: t.slices, traffic: t.traffic, timeOrigin: t.timeOrigin };
      });
    const stats = () =>
      worker.evaluate(
        () =>
          ({
            ...(globalThis as unknown as { gwsCtiDetection: { stats: DetectionStats } })
              .gwsCtiDetection.stats,
          }) as DetectionStats,
      );

    let caller = 0;
    let pageBusy = async () => false;
    /** Rings one call; its delay from CometD delivery to the view push, and whether the page
     * was still waiting for detections when it rang. */
    const ring = async () => {
      const busy = await pageBusy();
      const since = Date.now();
      const from = `+1415555${String(1000 + caller++).padStart(4, '0')}`;
      const { callId } = await control.call({ to: AGENT, from, callType: 'Inbound' });
      const pushed = await waitFor(() => pushedAt(popup, callId), {
        timeoutMs: 30_000,
        intervalMs: 10,
        message: `the view push with call ${callId}`,
      });
      const answer = deliveredAnswer(proxy, since);
      const delivered = answer?.answeredAt;
      return {
        callId,
        busy,
        ms: delivered === undefined ? NaN : pushed - delivered,
        rung: { writtenAt: answer?.writtenAt ?? NaN, pushedAt: pushed },
      };
    };
    /** Hangs up, and waits for the view without the call: its events are all in. */
    const hangUp = async (callId: string) => {
      await control.remote(callId, 'hangup');
      await waitFor(
        async () => {
          const last = await popup.evaluate(
            () =>
              (window as unknown as { __pushes: Array<{ ids: string[] }> }).__pushes.at(-1)?.ids,
          );
          return last && !last.includes(callId) ? true : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 10, message: `call ${callId} to end` },
      );
    };

    // The worker's own queueing delay: a message task posted every 5 ms, and how long it waits
    // to run (what any event arriving then would wait), with the time it was taken.
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __lag: Array<[number, number]> };
      g.__lag = [];
      const channel = new MessageChannel();
      let sentAt = 0;
      const send = () => {
        sentAt = performance.now();
        channel.port2.postMessage(null);
      };
      channel.port1.onmessage = () => {
        g.__lag.push([Date.now(), performance.now() - sentAt]);
        setTimeout(send, 5);
      };
      send();
    });
    const lagBetween = async (from: number, to: number) =>
      (
        await worker.evaluate(
          () => (globalThis as unknown as { __lag: Array<[number, number]> }).__lag,
        )
      )
        .filter(([at]) => at >= from && at <= to)
        .map(([, ms]) => ms);

    const idle: number[] = [];
    const idleRung: RungCall[] = [];
    const idleFrom = Date.now();
    const ringIdle = async () => {
      for (let i = 0; i < idleCalls; i++) {
        const r = await ring();
        idle.push(r.ms);
        idleRung.push(r.rung);
        await hangUp(r.callId);
      }
    };
    await ringIdle();
    const idleTo = Date.now();

    // The big page: calls ring one after the other while the service works through it.
    const before = await stats();
    const heapCdp = await ext.context.newCDPSession(popup);
    const heapBefore = await workerHeapAfterGc(heapCdp, ext.url(''));
    const threadTrace = await WorkerThreadTrace.start(await ext.context.newCDPSession(popup));
    const loadFrom = Date.now();
    const page = await ext.context.newPage();
    const probe = await OverlayProbe.attach(page);
    pageBusy = async () => (await probe.diagnostics().catch(() => undefined))?.busy ?? false;
    await page.goto(`http://127.0.0.1:${site.port}/bench`, { timeout: 60_000 });
    await waitFor(async () => ((await stats()).items > before.items ? true : undefined), {
      timeoutMs: 60_000,
      intervalMs: 5,
      message: 'the page to send its first texts',
    });
    const loaded: number[] = [];
    const loadedRung: RungCall[] = [];
    for (let i = 0; i < 200; i++) {
      const r = await ring();
      await hangUp(r.callId);
      if (!r.busy) break;
      loaded.push(r.ms);
      loadedRung.push(r.rung);
    }
    const decorated = await probe.settled(undefined, 180_000);
    const loadTo = Date.now();
    const first = await stats();
    const cache = await worker.evaluate(() =>
      (
        globalThis as unknown as {
          gwsCtiDetection: { cache(): { entries: number; chars: number } };
        }
      ).gwsCtiDetection.cache(),
    );
    await worker.evaluate(WorkerThreadTrace.mark);
    const heapFull = await workerHeapAfterGc(heapCdp, ext.url(''));
    const loadTraces = await traces();
    const inLoad = loadTraces.slices.filter((slice) => {
      const at = loadTraces.timeOrigin + slice.start;
      return at >= loadFrom && at <= loadTo;
    });
    const longSliceCauses = await threadTrace.stop(
      inLoad.filter((slice) => slice.end - slice.start > 2 * DEFAULT_SLICE_MS),
    );
    const idleLag = distribution(await lagBetween(idleFrom, idleTo));
    const loadLag = distribution(await lagBetween(loadFrom, loadTo));

    // The same page again: the service answers from its cache.
    await page.reload({ timeout: 60_000 });
    await probe.settled(undefined, 180_000, (d) => d.hits >= decorated.hits);
    const again = await stats();
    // Idle again, the page decorated: the baseline taken before and after the load.
    pageBusy = async () => false;
    await ringIdle();

    const compiledPatterns = await worker.evaluate(() =>
      (
        globalThis as unknown as { gwsCtiDetection: { compiledPatterns?: () => number } }
      ).gwsCtiDetection.compiledPatterns?.(),
    );
    const delta = (a: DetectionStats, b: DetectionStats) => ({
      items: b.items - a.items,
      hits: b.cacheHits - a.cacheHits,
      busyMs: b.busyMs - a.busyMs,
      slices: b.slices - a.slices,
    });
    if (loaded.length === 0) throw new Error('no call rang while the page was being detected');
    const longTasks = await popup.evaluate(
      () => (window as unknown as { __longTasks: Array<[number, number]> }).__longTasks,
    );
    const tasksBetween = (from: number, to: number) =>
      distribution(longTasks.filter(([at]) => at >= from && at <= to).map(([, ms]) => ms));
    const popupLongTasks = {
      before: tasksBetween(idleFrom, idleTo),
      after: tasksBetween(loadTo, Date.now()),
    };
    const allTraces = await traces();
    return {
      decorated: decorated.hits,
      load: delta(before, first),
      reload: delta(first, again),
      all: again,
      compiledPatterns,
      idleLag,
      loadLag,
      idle: distribution(idle),
      loaded: distribution(loaded),
      traffic: summariseTraffic(allTraces),
      idlePaths: summarisePaths(callPaths(idleRung.slice(0, idleCalls), allTraces)),
      idleAfterPaths: summarisePaths(callPaths(idleRung.slice(idleCalls), allTraces)),
      popupLongTasks,
      heap: { before: heapBefore, full: heapFull },
      loadedPaths: summarisePaths(callPaths(loadedRung, allTraces)),
      loadSlices: summariseSlices(inLoad, DEFAULT_SLICE_MS),
      longSliceCauses,
      cache,
    };
  } finally {
    await ext.close();
    await site.close();
    await sim.close();
    await proxy.close();
  }
}

const fmtLag = (d: Distribution) =>
  `median ${d.median.toFixed(1)} ms, p95 ${d.p95.toFixed(1)} ms, max ${d.max.toFixed(1)} ms (${d.count})`;
const fmtCalls = (d: Distribution) =>
  `median ${d.median.toFixed(0)} ms, p95 ${d.p95.toFixed(0)} ms, max ${d.max.toFixed(0)} ms (${d.count} calls)`;
const fmtDist = (d: Distribution, unit = 'ms', digits = 1) =>
  `median ${d.median.toFixed(digits)}, p95 ${d.p95.toFixed(digits)}, max ${d.max.toFixed(digits)} ${unit}`;
const percent = (part: number, whole: number) =>
  `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;

type Measure = [string, string, number | undefined];

/** A call event's path in the worker, from the worker's traces. */
function pathMeasures(when: string, p: PathSummary): Measure[] {
  return [
    [
      `call path ${when}: delivery → our code (calls; unmatched)`,
      `${fmtDist(p.wait)} (${p.calls}; ${p.unmatched})`,
      p.wait.max,
    ],
    [
      '  slices started before our code saw the answer',
      fmtDist(p.slicesBeforeOurCode, 'slices', 0),
      p.slicesBeforeOurCode.max,
    ],
    [
      '  slices started between our code and the view push (calls with any)',
      `${fmtDist(p.slicesOnPath, 'slices', 0)} (${p.callsWithSlicesOnPath})`,
      p.slicesOnPath.max,
    ],
    ['  our code: answer → view push sent', fmtDist(p.path), p.path.max],
    ['  view push sent → popup has it', fmtDist(p.toPopup), p.toPopup.max],
  ];
}

/** The first load's slices, from the worker's trace. */
function sliceMeasures(s: SliceSummary): Measure[] {
  return [
    [`  slices of the first load (${s.count}): duration`, fmtDist(s.duration), s.duration.max],
    ['  items a slice', fmtDist(s.items, 'items', 0), undefined],
    [
      `  slices over ${2 * DEFAULT_SLICE_MS} ms; of those with one item over ${DEFAULT_SLICE_MS} ms`,
      `${s.long}; ${s.longWithOneLongItem}`,
      s.long,
    ],
    ['  longest item of a long slice', fmtDist(s.longItem), s.longItem.max],
    ['  wait between slices', fmtDist(s.gap), s.gap.median],
  ];
}

/**
 * The long slices' time beyond the budget, split: garbage collection inside them, time the
 * thread was descheduled (wall − CPU), and the rest (detection's own CPU).
 */
function causeMeasures(causes: SliceCause[]): Measure[] {
  const traced = causes.filter((c) => c.cpuMs !== undefined);
  const sum = (pick: (c: SliceCause) => number) => traced.reduce((t, c) => t + pick(c), 0);
  const wall = sum((c) => c.wallMs);
  const gc = sum((c) => c.gcMs);
  const descheduled = sum((c) => Math.max(0, c.wallMs - c.cpuMs!));
  const mostly = (test: (c: SliceCause) => boolean) => traced.filter(test).length;
  const over = (c: SliceCause) => c.wallMs - DEFAULT_SLICE_MS;
  return [
    [
      '  long slices in the thread trace: wall; GC inside; descheduled (wall − CPU)',
      `${traced.length} of ${causes.length}: ${wall.toFixed(0)}; ${gc.toFixed(0)}; ${descheduled.toFixed(0)} ms`,
      undefined,
    ],
    [
      '  long slices mostly GC; mostly descheduled; mostly detection CPU',
      `${mostly((c) => c.gcMs >= over(c) / 2)}; ${mostly(
        (c) => c.wallMs - c.cpuMs! >= over(c) / 2,
      )}; ${mostly((c) => c.gcMs < over(c) / 2 && c.wallMs - c.cpuMs! < over(c) / 2)}`,
      undefined,
    ],
  ];
}

/** The printed measures of a run: [label, value, number compared between builds]. */
function measures(run: DetectionRun): Measure[] {
  const { load, reload, all } = run;
  return [
    ['numbers decorated', `${run.decorated}`, undefined],
    [
      "items sent to the worker, first load (a text, or a record's texts joined)",
      `${load.items}`,
      undefined,
    ],
    [
      'worker detection time, first load (sum of slices)',
      `${load.busyMs.toFixed(0)} ms in ${load.slices} slices`,
      load.busyMs,
    ],
    [
      '  per item',
      `${((load.busyMs * 1000) / Math.max(1, load.items)).toFixed(1)} µs`,
      load.busyMs / Math.max(1, load.items),
    ],
    [
      '  longest slice (all runs); slices over twice the 4 ms budget',
      `${all.maxSliceMs.toFixed(1)} ms; ${all.longSlices} of ${all.slices}`,
      all.maxSliceMs,
    ],
    ['  most items queued at once', `${all.maxQueued}`, undefined],
    ...sliceMeasures(run.loadSlices),
    ...causeMeasures(run.longSliceCauses),
    ['  patterns kept compiled by libphonenumber', `${run.compiledPatterns ?? 'none'}`, undefined],
    [
      "worker's heap after a full GC: before the page; after its first load",
      `${(run.heap.before / 1e6).toFixed(2)} MB; ${(run.heap.full / 1e6).toFixed(2)} MB`,
      run.heap.full,
    ],
    [
      'cache after the first load: entries; characters',
      `${run.cache.entries}; ${run.cache.chars}`,
      undefined,
    ],
    ['cache hit rate, first load', percent(load.hits, load.items), undefined],
    [
      'cache hit rate, same page reloaded',
      `${percent(reload.hits, reload.items)} (${reload.busyMs.toFixed(0)} ms of worker time)`,
      undefined,
    ],
    ['worker queueing delay of a task, idle', fmtLag(run.idleLag), run.idleLag.median],
    [
      'worker queueing delay of a task, while detecting the page',
      fmtLag(run.loadLag),
      run.loadLag.median,
    ],
    [
      'call traffic holding detection back: episodes (opened by the 100 ms bound); length',
      `${run.traffic.episodes} (${run.traffic.expired}); ${fmtDist(run.traffic.length)}`,
      run.traffic.length.max,
    ],
    ...pathMeasures('idle, before the page', run.idlePaths),
    ...pathMeasures('idle, after the page', run.idleAfterPaths),
    [
      "popup's long tasks idle before the page; after it (count: longest)",
      `${run.popupLongTasks.before.count}: ${run.popupLongTasks.before.max.toFixed(0)} ms; ${run.popupLongTasks.after.count}: ${run.popupLongTasks.after.max.toFixed(0)} ms`,
      undefined,
    ],
    ...pathMeasures('while detecting', run.loadedPaths),
    ['call event → view push, worker idle (before and after)', fmtCalls(run.idle), run.idle.median],
    ['call event → view push, while detecting the page', fmtCalls(run.loaded), run.loaded.median],
    [
      'ratio: median while detecting / median idle',
      `${(run.loaded.median / run.idle.median).toFixed(2)}×`,
      run.loaded.median / run.idle.median,
    ],
    [
      'added delay at worst (max while detecting − median idle)',
      `${(run.loaded.max - run.idle.median).toFixed(0)} ms`,
      run.loaded.max - run.idle.median,
    ],
  ];
}

export async function runDetectionBench(argv: string[]): Promise<number> {
  const rowCount = numberOption(argv, 'rows', 5000);
  const idleCalls = numberOption(argv, 'idle-calls', 10);
  const at = argv.indexOf('--baseline');
  const baselineDir = at >= 0 ? argv[at + 1] : undefined;
  const rows = generateRows(rowCount, 7);
  const baseline = baselineDir ? await measureBuild(rows, idleCalls, baselineDir) : undefined;
  const ours = measures(await measureBuild(rows, idleCalls, undefined));
  const theirs = baseline ? measures(baseline) : undefined;
  const header = theirs
    ? ['measure', `baseline (${baselineDir})`, 'this build', 'baseline / this build']
    : ['measure', 'value'];
  console.log(`page: ${rowCount} rows`);
  console.log(
    textTable([
      header,
      ...ours.map(([label, value, n], k) => {
        if (!theirs) return [label, value];
        const [, before, m] = theirs[k]!;
        const ratio = n !== undefined && m !== undefined && n !== 0 ? `${(m / n).toFixed(2)}×` : '';
        return [label, before, value, ratio];
      }),
    ]),
  );
  return 0;
}
