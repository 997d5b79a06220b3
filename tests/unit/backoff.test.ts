import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  Backoff,
  backoffDelay,
  DEFAULT_BACKOFF,
  type BackoffPolicy,
} from '../../lib/gws/backoff.ts';

const policy: BackoffPolicy = { initialMs: 100, maxMs: 1000, multiplier: 2, jitter: 0.5 };

describe('backoffDelay', () => {
  it('doubles the ceiling per attempt up to the maximum when jitter draws 0', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, policy, () => 0));
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('takes up to the jitter share off the ceiling', () => {
    expect(backoffDelay(3, policy, () => 0.999999)).toBe(200);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(300);
    expect(backoffDelay(3, { ...policy, jitter: 0 }, () => 0.7)).toBe(400);
  });

  it('treats attempt 0 or below like the first attempt', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(100);
    expect(backoffDelay(-5, policy, () => 0)).toBe(100);
  });

  it('stays within [ceiling·(1−jitter), min(max, initial·2^(n−1))] for any input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, initialMs, maxMs, jitter, r) => {
          const p = { initialMs, maxMs, multiplier: 2, jitter };
          const delay = backoffDelay(attempt, p, () => r);
          const first = Math.min(initialMs, maxMs);
          const ceiling = first === 0 ? 0 : Math.min(maxMs, first * 2 ** (attempt - 1));
          expect(Number.isFinite(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling * (1 - jitter)));
          expect(delay).toBeLessThanOrEqual(Math.ceil(ceiling));
          expect(delay).toBeLessThanOrEqual(maxMs);
        },
      ),
    );
  });

  it('never decreases from one attempt to the next for a fixed draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const a = backoffDelay(attempt, DEFAULT_BACKOFF, () => r);
          const b = backoffDelay(attempt + 1, DEFAULT_BACKOFF, () => r);
          expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });

  it('survives a random source that misbehaves', () => {
    expect(backoffDelay(2, policy, () => Number.NaN)).toBe(200);
    expect(backoffDelay(2, policy, () => 7)).toBe(100);
  });
});

describe('Backoff', () => {
  it('counts consecutive failures and starts over after reset()', () => {
    const backoff = new Backoff(policy, () => 0);
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([100, 200, 400]);
    expect(backoff.attempt).toBe(3);
    backoff.reset();
    expect(backoff.attempt).toBe(0);
    expect(backoff.next()).toBe(100);
  });

  it('spreads the delays of many clients retrying the same attempt', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4, policy, random)));
    expect(delays.size).toBeGreaterThan(20);
  });
});

describe('the reconnect policy', () => {
  it('never waits more than 5 s between attempts, however long the server is away', () => {
    for (const attempt of [1, 5, 6, 10, 1_000]) {
      expect(backoffDelay(attempt, DEFAULT_BACKOFF, () => 0)).toBeLessThanOrEqual(5_000);
    }
    expect(backoffDelay(6, DEFAULT_BACKOFF, () => 0)).toBe(5_000);
    expect(backoffDelay(6, DEFAULT_BACKOFF, () => 0.999)).toBeGreaterThanOrEqual(2_500);
  });
});
