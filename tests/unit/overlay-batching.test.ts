// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';
import { DecorationStore, type Painter } from '../../lib/overlay/decorations.ts';
import { PageScanner } from '../../lib/overlay/page-scanner.ts';
import { intakeMutations, OBSERVE_OPTIONS } from '../../lib/overlay/mutation-intake.ts';

/**
 * A scanner driven by hand: slices run only when the test says so, and a fake clock advances
 * one millisecond per detector call, so budgets are exact and independent of machine speed.
 */
function harness(options: { budgetMs?: number; threshold?: number } = {}) {
  let clock = 0;
  let finds = 0;
  const pending: Array<() => void> = [];
  const painted = new Set<AbstractRange>();
  const painter: Painter = {
    add: (r) => painted.add(r),
    delete: (r) => painted.delete(r),
    clear: () => painted.clear(),
  };
  const store = new DecorationStore(painter, (text) => {
    finds++;
    clock += 1;
    return findPhoneNumbers(text, 'US');
  });
  const scanner = new PageScanner({
    store,
    ownHost: () => null,
    schedule: (run) => pending.push(run),
    now: () => clock,
    budgetMs: options.budgetMs ?? 8,
    fullRescanThreshold: options.threshold ?? 2000,
    fullRoots: () => [document.body],
  });
  const observer = new MutationObserver((records) =>
    intakeMutations(records, scanner, null, () => {}),
  );
  observer.observe(document, OBSERVE_OPTIONS);
  /** Runs queued slices until idle; returns how many detector calls each slice made. */
  const drain = () => {
    const perSlice: number[] = [];
    while (pending.length > 0) {
      const before = finds;
      pending.shift()!();
      perSlice.push(finds - before);
    }
    return perSlice;
  };
  return {
    store,
    scanner,
    painted,
    pending,
    drain,
    finds: () => finds,
    stop: () => observer.disconnect(),
  };
}

function addRows(count: number, start = 0): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (let i = start; i < start + count; i++) {
    const tr = document.createElement('div');
    tr.append(
      Object.assign(document.createElement('span'), { textContent: `Row ${i}` }),
      Object.assign(document.createElement('span'), {
        textContent: `(415) 555-${String(1000 + (i % 9000)).padStart(4, '0')}`,
      }),
      Object.assign(document.createElement('span'), { textContent: `INV-2024-${100000 + i}` }),
    );
    document.body.append(tr);
    rows.push(tr);
  }
  return rows;
}

const flushObserver = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  document.body.replaceChildren();
});

describe('batching', () => {
  it('drains in slices that keep to the budget', () => {
    addRows(300);
    const h = harness({ budgetMs: 8 });
    h.scanner.scan(document.body);
    const perSlice = h.drain();
    expect(perSlice.length).toBeGreaterThan(10);
    // One detector call may start just before the budget runs out.
    expect(Math.max(...perSlice)).toBeLessThanOrEqual(8);
    expect(h.store.size).toBe(300);
    expect(h.scanner.stats.maxSliceMs).toBeLessThanOrEqual(8);
    h.stop();
  });

  it('the observer callback only enqueues; the work happens in a later slice', async () => {
    const h = harness();
    h.scanner.scan(document.body);
    h.drain();
    const before = h.finds();
    addRows(20, 1000);
    await flushObserver();
    expect(h.finds()).toBe(before);
    expect(h.pending.length).toBe(1);
    h.drain();
    expect(h.store.size).toBe(20);
    h.stop();
  });

  it('a burst costs the same on a small and on a large page', async () => {
    const cost = async (pageRows: number) => {
      document.body.replaceChildren();
      addRows(pageRows);
      const h = harness();
      h.scanner.scan(document.body);
      h.drain();
      const visited = h.scanner.stats.nodesVisited;
      const finds = h.finds();
      addRows(25, 5000);
      await flushObserver();
      h.drain();
      h.stop();
      return { visited: h.scanner.stats.nodesVisited - visited, finds: h.finds() - finds };
    };
    const small = await cost(20);
    const large = await cost(200);
    expect(large).toEqual(small);
    expect(small.finds).toBe(50);
  });

  it('a flood of changes becomes one full rescan, with the same result', async () => {
    const h = harness({ threshold: 10 });
    h.scanner.scan(document.body);
    h.drain();
    addRows(40);
    await flushObserver();
    expect(h.scanner.stats.fullRescans).toBe(1);
    h.drain();
    expect(h.store.size).toBe(40);
    expect(h.painted.size).toBe(40);
    h.stop();
  });

  it('whenIdle resolves once the queue is empty', async () => {
    addRows(30);
    const h = harness();
    h.scanner.scan(document.body);
    let idle = false;
    const done = h.scanner.whenIdle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    h.drain();
    await done;
    expect(idle).toBe(true);
    h.stop();
  });
});
