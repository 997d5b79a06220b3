/**
 * Call traffic in flight in the background, and the gate that work which can wait (page
 * detection) passes before each of its slices.
 *
 * A call event crosses several tasks between its answer reaching our code and the view push
 * that shows it: the fetch answer, its body, CometD's listeners and the reducer, the view
 * push's own task. Each hop that hands the event on to a later task holds the gate until that
 * task has run (the transport from the answer to its listeners, ViewPorts from a change to its
 * push), so the holds overlap and the gate stays shut from the answer to the push. Slices
 * queued meanwhile wait; an event therefore waits at most for the one slice that was already
 * running when its answer arrived.
 *
 * A shut gate is bounded (`maxHoldMs`): a hold is forgotten once it is that old, and a run of
 * overlapping holds that lasts longer stops shutting the gate until it ends. A slow body, a
 * leaked hold or a storm of events can then delay detection by that much at a time, never
 * stop it: pages are decorated late rather than never.
 */
import type { TrafficSignal } from '../gws/http.ts';

/** A run of overlapping holds, for the benchmark (bench/overlay/detection-bench.ts). */
export interface TrafficEpisode {
  /** performance.now() of its first hold and of its last release. */
  start: number;
  end: number;
  holds: number;
  /** It outlived the bound and stopped shutting the gate. */
  expired: boolean;
}

export interface CallTrafficGateOptions {
  maxHoldMs?: number;
  now?: () => number;
  /** Runs `task` after `ms` (default: setTimeout). */
  after?: (ms: number, task: () => void) => void;
}

/**
 * Long enough for a call event's whole path on a busy machine (10–60 ms measured from the
 * answer to the push while a page was detected), short enough that detection is never held
 * up for a noticeable time.
 */
export const DEFAULT_MAX_HOLD_MS = 100;
const TRACE_LIMIT = 2_000;

export class CallTrafficGate implements TrafficSignal {
  private readonly maxHoldMs: number;
  private readonly now: () => number;
  private readonly after: (ms: number, task: () => void) => void;
  /** Open holds, by the time each began. */
  private readonly open = new Map<symbol, number>();
  private episode: TrafficEpisode | undefined;
  private waiting: Array<() => void> = [];
  private timerSet = false;
  private trace: TrafficEpisode[] | undefined;

  constructor(options: CallTrafficGateOptions = {}) {
    this.maxHoldMs = options.maxHoldMs ?? DEFAULT_MAX_HOLD_MS;
    this.now = options.now ?? (() => performance.now());
    this.after = options.after ?? ((ms, task) => void setTimeout(task, ms));
  }

  /** Call traffic starts now; the returned function ends it (calling it again does nothing). */
  hold(): () => void {
    const now = this.now();
    const token = Symbol('hold');
    this.forgetStale(now);
    if (!this.episode) {
      this.episode = { start: now, end: now, holds: 0, expired: false };
      this.trace?.push(this.episode);
      if (this.trace && this.trace.length > TRACE_LIMIT) this.trace.shift();
    }
    this.episode.holds++;
    this.open.set(token, now);
    return () => {
      if (!this.open.delete(token)) return;
      if (this.open.size === 0) this.endEpisode(this.now());
    };
  }

  /** Whether work that can wait may start now. */
  isClear(): boolean {
    const now = this.now();
    this.forgetStale(now);
    const episode = this.episode;
    if (!episode || episode.expired) return true;
    if (now - episode.start < this.maxHoldMs) return false;
    episode.expired = true;
    return true;
  }

  /** Runs `task` once the gate is clear: when the traffic ends, or at the latest at the bound. */
  whenClear(task: () => void): void {
    if (this.isClear()) {
      task();
      return;
    }
    this.waiting.push(task);
    this.armTimer();
  }

  /** Starts keeping the last episodes (benchmark only; off otherwise). */
  startTrace(): TrafficEpisode[] {
    this.trace ??= [];
    return this.trace;
  }

  private endEpisode(now: number): void {
    if (this.episode) this.episode.end = now;
    this.episode = undefined;
    this.runWaiting();
  }

  /** Wakes the waiting tasks at the bound of the episode under way. */
  private armTimer(): void {
    if (this.timerSet || !this.episode) return;
    this.timerSet = true;
    const left = this.episode.start + this.maxHoldMs - this.now();
    this.after(Math.max(0, left), () => {
      this.timerSet = false;
      if (this.waiting.length === 0) return;
      if (this.isClear()) this.runWaiting();
      else this.armTimer();
    });
  }

  private forgetStale(now: number): void {
    for (const [token, since] of this.open) {
      if (now - since >= this.maxHoldMs) this.open.delete(token);
    }
    if (this.open.size === 0 && this.episode) this.endEpisode(now);
  }

  private runWaiting(): void {
    const tasks = this.waiting;
    this.waiting = [];
    for (const task of tasks) task();
  }
}

/** The worker's one gate: the session and the view ports signal it, detection waits on it. */
export const callTraffic = new CallTrafficGate();
