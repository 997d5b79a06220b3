/**
 * What the worker's own traces say about a call event's path and about the detection slices
 * (lib/phone/detection-service.ts `startTrace`, lib/background/call-traffic.ts `startTrace`),
 * on the machine's wall clock (the worker's timeOrigin + performance.now(), the benchmark's
 * Date.now()).
 */
import type { SliceRecord } from '../../lib/phone/detection-service.ts';
import type { TrafficEpisode } from '../../lib/background/call-traffic.ts';
import { distribution, type Distribution } from '../support/stats.ts';

export interface WorkerTraces {
  slices: SliceRecord[];
  traffic: TrafficEpisode[];
  timeOrigin: number;
}

/** One call as the benchmark saw it: the proxy started writing the poll answer that delivered
 * it at `writtenAt`, the view push carrying it reached the popup at `pushedAt` (Date.now()). */
export interface RungCall {
  writtenAt: number;
  pushedAt: number;
}

export interface CallPath {
  /** Answer written → our code: the loopback hop and the task it waited behind. */
  waitMs: number;
  /** Slices that started between the answer being written and our code seeing it. */
  slicesBeforeOurCode: number;
  /** Slices that started between our code seeing the answer and the view push. */
  slicesOnPath: number;
  /** Our code: the answer's arrival to the end of the push (the gate's episode). */
  pathMs: number;
  /** The push leaving the worker to the popup having it. */
  toPopupMs: number;
}

/** The clock's granularity on the benchmark's side (Date.now() is whole milliseconds). */
const CLOCK_SLACK_MS = 1;

/**
 * Each call's path: the first traffic episode that started after its answer was written and
 * carried a view push (more than the transport's own hold).
 */
export function callPaths(calls: RungCall[], traces: WorkerTraces): Array<CallPath | undefined> {
  const at = (t: number) => traces.timeOrigin + t;
  const episodes = traces.traffic.filter((e) => e.holds > 1);
  const slices = traces.slices.map((s) => at(s.start));
  const startedIn = (from: number, to: number) =>
    slices.filter((start) => start > from && start < to).length;
  return calls.map((call) => {
    const episode = episodes.find((e) => at(e.start) >= call.writtenAt - CLOCK_SLACK_MS);
    if (!episode) return undefined;
    const start = at(episode.start);
    const end = at(episode.end);
    return {
      waitMs: start - call.writtenAt,
      slicesBeforeOurCode: startedIn(call.writtenAt, start),
      slicesOnPath: startedIn(start, end),
      pathMs: end - start,
      toPopupMs: call.pushedAt - end,
    };
  });
}

export interface PathSummary {
  calls: number;
  unmatched: number;
  wait: Distribution;
  slicesBeforeOurCode: Distribution;
  slicesOnPath: Distribution;
  /** Calls with at least one slice on their path. */
  callsWithSlicesOnPath: number;
  path: Distribution;
  toPopup: Distribution;
}

export function summarisePaths(paths: Array<CallPath | undefined>): PathSummary {
  const found = paths.filter((p): p is CallPath => p !== undefined);
  const of = (pick: (p: CallPath) => number) => distribution(found.map(pick));
  return {
    calls: paths.length,
    unmatched: paths.length - found.length,
    wait: of((p) => p.waitMs),
    slicesBeforeOurCode: of((p) => p.slicesBeforeOurCode),
    slicesOnPath: of((p) => p.slicesOnPath),
    callsWithSlicesOnPath: found.filter((p) => p.slicesOnPath > 0).length,
    path: of((p) => p.pathMs),
    toPopup: of((p) => p.toPopupMs),
  };
}

export interface SliceSummary {
  count: number;
  duration: Distribution;
  items: Distribution;
  /** Slices over twice the budget, and of those how many had one item over the budget. */
  long: number;
  longWithOneLongItem: number;
  /** The longest item of each long slice, and its share of the slice. */
  longItem: Distribution;
  /** The wait between a slice's end and the next one's start, when it left work queued. */
  gap: Distribution;
}

export function summariseSlices(slices: SliceRecord[], budgetMs: number): SliceSummary {
  const long = slices.filter((s) => s.end - s.start > 2 * budgetMs);
  const gaps: number[] = [];
  for (let k = 1; k < slices.length; k++) {
    const before = slices[k - 1]!;
    if (before.queued > 0) gaps.push(slices[k]!.start - before.end);
  }
  return {
    count: slices.length,
    duration: distribution(slices.map((s) => s.end - s.start)),
    items: distribution(slices.map((s) => s.items)),
    long: long.length,
    longWithOneLongItem: long.filter((s) => s.longestItemMs > budgetMs).length,
    longItem: distribution(long.map((s) => s.longestItemMs)),
    gap: distribution(gaps),
  };
}

/** The call traffic of the whole run: how long the gate stayed shut, and how often the bound
 * opened it while traffic went on. */
export function summariseTraffic(traces: WorkerTraces): {
  episodes: number;
  expired: number;
  length: Distribution;
} {
  return {
    episodes: traces.traffic.length,
    expired: traces.traffic.filter((e) => e.expired).length,
    length: distribution(traces.traffic.map((e) => e.end - e.start)),
  };
}
