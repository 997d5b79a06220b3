/**
 * What the overlay costs per frame of a page made of many small same-origin frames: the
 * renderer's JavaScript heap after a full garbage collection with the overlay on (the page's
 * origin enabled) against the same page from an origin the overlay does not run on, in the
 * same browser, and the content script's evaluation time in each frame (from a trace).
 */
import type { ChromiumExtension } from '../../tests/support/extension.ts';
import { MainThreadTrace } from './main-thread-trace.ts';
import { OverlayProbe } from './overlay-probe.ts';

export interface FramesResult {
  frames: number;
  heapWithOverlayMb: number;
  heapWithoutOverlayMb: number;
  heapPerFrameMb: number;
  evaluationMs: number[];
  evaluationMeanMs: number;
}

async function heapAfterGc(probe: OverlayProbe): Promise<number> {
  await probe.cdp.send('HeapProfiler.collectGarbage');
  await probe.cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await probe.cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** `withOverlay` and `without` serve the same page from an enabled and a plain origin. */
export async function measureFrames(
  ext: ChromiumExtension,
  withOverlay: string,
  without: string,
  frames: number,
): Promise<FramesResult> {
  const on = await ext.context.newPage();
  const off = await ext.context.newPage();
  try {
    const probe = await OverlayProbe.attach(on);
    const trace = await MainThreadTrace.start(probe.cdp);
    await on.goto(withOverlay);
    const ids = await probe.frameIds();
    if (ids.length !== frames + 1)
      throw new Error(`expected ${frames + 1} frames, got ${ids.length}`);
    for (const id of ids) await probe.settled(id, 60_000);
    const end = (await on.evaluate(MainThreadTrace.mark)) as number;
    const time = await trace.stop(end, ext.url('content-scripts/'));
    const heapOn = await heapAfterGc(probe);

    const plain = await OverlayProbe.attach(off);
    await off.goto(without);
    await off.waitForLoadState('load');
    const heapOff = await heapAfterGc(plain);
    const mb = (n: number) => n / 1024 / 1024;
    const evaluations = time.evaluations;
    return {
      frames: frames + 1,
      heapWithOverlayMb: mb(heapOn),
      heapWithoutOverlayMb: mb(heapOff),
      heapPerFrameMb: mb(heapOn - heapOff) / (frames + 1),
      evaluationMs: evaluations,
      evaluationMeanMs: evaluations.reduce((a, b) => a + b, 0) / Math.max(1, evaluations.length),
    };
  } finally {
    await on.close();
    await off.close();
  }
}
