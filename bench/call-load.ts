/**
 * Call load: does the background's heap stay flat while calls come and go fast, or does it
 * build a backlog? Runs the built extension in Chromium against the simulator, signs in,
 * measures the worker's heap (after a forced full GC) at idle, then rings and hangs up
 * `--calls` calls through the control API at `--rate` per second and measures again after
 * every 1,000 calls and after `--idle-seconds` of quiet. Each figure is reported as a ratio
 * to the idle heap after sign-in, measured in the same run. Goal: within 1.2× throughout.
 * At the idle points it also reads how much of the heap is compiled code (a heap snapshot),
 * which calls make V8 compile and optimise once, apart from the data the background keeps.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startSimulator } from '../sim/index.ts';
import { SimControl } from '../tests/support/sim.ts';
import { REPO_ROOT } from '../tests/support/browsers.ts';
import { launchDetachedChromium, type DetachedChromium } from './support/detached-chromium.ts';
import { attachToWorker, type WorkerCdp } from './support/worker-cdp.ts';
import { withPopup } from './soak.ts';
import { textTable } from './support/stats.ts';

export const CALL_LOAD_USAGE =
  'npm run bench -- call-load [--calls 3000] [--rate 50 (per s)] [--idle-seconds 15] [--warmup 300]';

const AGENT = 'agent1';
const GOAL = 1.2;
const CHECKPOINT = 1_000;
/** Calls in flight at most; the rate is the pace, this only bounds a slow simulator. */
const MAX_IN_FLIGHT = 32;
/** Sign-in's and the warm-up's own work (recovery, writes) finishes before a baseline. */
const SETTLE_MS = 3_000;

interface Point {
  label: string;
  calls: number;
  heapBytes: number;
  /** Live calls in the extension's store when measured. */
  liveCalls: number;
  /** Live Promise objects in the worker: a backlog of queued work shows here first. */
  promises: number;
  /**
   * Compiled code in the heap (from a heap snapshot), at the idle points only: a snapshot
   * pauses the worker for a while, which under load would measure the pause's backlog.
   */
  codeBytes?: number;
}

async function measure(
  worker: WorkerCdp,
  label: string,
  calls: number,
  idle = true,
): Promise<Point> {
  const heapBytes = await worker.heapAfterGc();
  const liveCalls = await worker.evaluate<number>(
    'globalThis.gwsCti?.session.calls.calls.length ?? -1',
  );
  const promises = await worker.countObjects('Promise.prototype');
  const point: Point = { label, calls, heapBytes, liveCalls, promises };
  if (idle) point.codeBytes = await worker.codeBytes();
  return point;
}

/** Rings and hangs up `count` calls at `rate` per second, calling `onEach` as each ends. */
async function driveCalls(
  control: SimControl,
  count: number,
  rate: number,
  onDone: (done: number) => Promise<void>,
): Promise<void> {
  const startedAt = Date.now();
  const running = new Set<Promise<void>>();
  let done = 0;
  let checkpoint = Promise.resolve();
  for (let i = 0; i < count; i++) {
    const due = startedAt + (i * 1000) / rate;
    if (due > Date.now()) await sleep(due - Date.now());
    while (running.size >= MAX_IN_FLIGHT) await Promise.race(running);
    const from = `+1415555${String(i % 10_000).padStart(4, '0')}`;
    const one = (async () => {
      const { callId } = await control.call({ to: AGENT, from, callType: 'Inbound' });
      await control.remote(callId, 'hangup');
      done++;
      if (done % CHECKPOINT === 0) {
        const at = done;
        checkpoint = checkpoint.then(() => onDone(at));
      }
    })();
    const tracked = one.finally(() => running.delete(tracked));
    running.add(tracked);
  }
  await Promise.all(running);
  await checkpoint;
}

export async function runCallLoad(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      calls: { type: 'string', default: '3000' },
      rate: { type: 'string', default: '50' },
      'idle-seconds': { type: 'string', default: '15' },
      warmup: { type: 'string', default: '300' },
    },
  });
  const calls = Number(values.calls);
  const rate = Number(values.rate);
  const idleSeconds = Number(values['idle-seconds']);
  const warmup = Number(values.warmup);
  if (!(calls > 0 && rate > 0 && idleSeconds >= 0 && warmup >= 0)) {
    console.error(`usage: ${CALL_LOAD_USAGE}`);
    return 2;
  }
  const startedAt = new Date();
  const sim = await startSimulator({ port: 0 });
  const baseUrl = `http://127.0.0.1:${sim.port}`;
  const control = new SimControl(baseUrl);
  let chromium: DetachedChromium | undefined;
  let worker: WorkerCdp | undefined;
  const points: Point[] = [];
  try {
    chromium = await launchDetachedChromium('call-load');
    await withPopup(chromium, async ({ login, until }) => {
      await login(baseUrl, AGENT);
      await until((v) => v.calls.connection.kind === 'connected', 'connected', 20_000);
    });
    worker = await attachToWorker(chromium.wsUrl, chromium.url(''));
    await sleep(SETTLE_MS);
    points.push(await measure(worker, 'idle after sign-in', 0));
    // The first calls compile the code that handles them and fill the bounded rings
    // (tombstones, alerted ids, diagnostics, resource timings): a one-off step, measured
    // apart from what keeps growing with calls.
    if (warmup > 0) {
      await driveCalls(control, warmup, rate, async () => undefined);
      await sleep(SETTLE_MS);
      points.push(await measure(worker, `idle after ${warmup} warm-up calls`, 0));
    }
    console.log(`call-load: ${calls} calls at ${rate}/s, then ${idleSeconds} s idle`);
    const attached = worker;
    await driveCalls(control, calls, rate, async (done) => {
      const point = await measure(attached, `after ${done} calls`, done, false);
      points.push(point);
      console.log(
        `  ${point.label}: ${(point.heapBytes / 1e6).toFixed(2)} MB, ${point.promises} promises`,
      );
    });
    points.push(await measure(worker, 'load over', calls));
    await sleep(idleSeconds * 1000);
    points.push(await measure(worker, `${idleSeconds} s later`, calls));
  } finally {
    worker?.close();
    await chromium?.kill();
    await sim.close();
  }

  const signedIn = points[0]!.heapBytes;
  const warm = points.find((p) => p.label.includes('warm-up'))?.heapBytes ?? signedIn;
  const rows = points.map((p) => [
    p.label,
    String(p.calls),
    String(p.liveCalls),
    String(p.promises),
    (p.heapBytes / 1e6).toFixed(2),
    (p.heapBytes / signedIn).toFixed(2),
    (p.heapBytes / warm).toFixed(2),
    p.codeBytes === undefined ? '' : (p.codeBytes / 1e6).toFixed(2),
  ]);
  const header = [
    'point',
    'calls',
    'live',
    'promises',
    'heap MB',
    '× sign-in',
    '× warm',
    'code MB',
  ];
  console.log(`\n${textTable([header, ...rows])}`);
  const underLoad = points.filter((p) => p.calls > 0);
  const worst = (base: number) => Math.max(...underLoad.map((p) => p.heapBytes / base));
  console.log(
    `\nworst under load: ${worst(signedIn).toFixed(2)}× the idle heap after sign-in, ` +
      `${worst(warm).toFixed(2)}× the idle heap after the warm-up (goal ≤ ${GOAL}×)`,
  );
  const loadOver = points.find((p) => p.label === 'load over');
  const signedInCode = points[0]!.codeBytes;
  if (loadOver?.codeBytes !== undefined && signedInCode !== undefined) {
    const rest = (p: Point) => (p.heapBytes - (p.codeBytes ?? 0)) / 1e6;
    console.log(
      `compiled code: ${(signedInCode / 1e6).toFixed(2)} MB idle after sign-in, ` +
        `${(loadOver.codeBytes / 1e6).toFixed(2)} MB when the load is over; the heap without it: ` +
        `${rest(points[0]!).toFixed(2)} → ${rest(loadOver).toFixed(2)} MB ` +
        `(${(rest(loadOver) / rest(points[0]!)).toFixed(2)}×)`,
    );
  }
  const file = path.join(
    REPO_ROOT,
    'bench',
    'results',
    `call-load-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
  );
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    JSON.stringify(
      { benchmark: 'call-load', startedAt, calls, rate, idleSeconds, warmup, points },
      null,
      2,
    ),
  );
  console.log(`full results: ${path.relative(process.cwd(), file)}`);
  return worst(warm) <= GOAL ? 0 : 1;
}
