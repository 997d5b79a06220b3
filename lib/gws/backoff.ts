/**
 * Exponential backoff with jitter for reconnect attempts. Jitter spreads the retries of many
 * agents after a GWS restart, so they do not all hit the server in the same instant.
 */
export interface BackoffPolicy {
  /** Upper bound of the first delay. */
  initialMs: number;
  /** Delays never exceed this. */
  maxMs: number;
  /** Growth per attempt; default 2. */
  multiplier?: number;
  /**
   * Share of each delay that is random, 0…1; default 0.5: a delay lies in
   * [ceiling × (1 − jitter), ceiling].
   */
  jitter?: number;
}

export const DEFAULT_BACKOFF: Readonly<Required<BackoffPolicy>> = {
  initialMs: 500,
  maxMs: 5_000,
  multiplier: 2,
  jitter: 0.5,
};

/**
 * The delay before retry number `attempt` (1 = first retry). Pure: `random` returns a value
 * in [0, 1), like Math.random.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const multiplier = policy.multiplier ?? DEFAULT_BACKOFF.multiplier;
  const jitter = clamp(policy.jitter ?? DEFAULT_BACKOFF.jitter, 0, 1);
  const maxMs = Math.max(0, policy.maxMs);
  const initialMs = clamp(policy.initialMs, 0, maxMs);
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // Math.pow may reach Infinity for huge attempts; min() then caps it at maxMs.
  const grown =
    initialMs === 0 || multiplier <= 1 ? initialMs : initialMs * Math.pow(multiplier, exponent);
  const ceiling = Math.min(maxMs, grown);
  const r = clamp(random(), 0, 1);
  return Math.round(ceiling * (1 - jitter * r));
}

/** Counts consecutive failures; `reset()` after a success. */
export class Backoff {
  private failures = 0;
  private readonly policy: BackoffPolicy;
  private readonly random: () => number;

  constructor(policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random) {
    this.policy = policy;
    this.random = random;
  }

  /** Records one more failure and returns the delay before the next try. */
  next(): number {
    this.failures++;
    return backoffDelay(this.failures, this.policy, this.random);
  }

  /** The delay of a first retry, without counting a failure. */
  shortest(): number {
    return backoffDelay(1, this.policy, this.random);
  }

  reset(): void {
    this.failures = 0;
  }

  /** Consecutive failures since the last reset. */
  get attempt(): number {
    return this.failures;
  }
}

function clamp(value: number, low: number, high: number): number {
  if (Number.isNaN(value)) return low;
  return Math.min(high, Math.max(low, value));
}
