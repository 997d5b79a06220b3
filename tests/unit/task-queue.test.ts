import { describe, expect, it } from 'vitest';
import { TaskQueue } from '../../lib/background/task-queue.ts';

/** A task that finishes only when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('TaskQueue', () => {
  it('runs items one at a time, in order, and goes on after a failure', async () => {
    const errors: unknown[] = [];
    const queue = new TaskQueue((e) => errors.push(e));
    const ran: string[] = [];
    const first = gate();
    queue.push(async () => {
      ran.push('a start');
      await first.opened;
      ran.push('a end');
    });
    queue.push(async () => {
      ran.push('b');
      throw new Error('b failed');
    });
    queue.push(async () => void ran.push('c'));
    await Promise.resolve();
    expect(ran).toEqual(['a start']);
    first.open();
    await queue.idle();
    expect(ran).toEqual(['a start', 'a end', 'b', 'c']);
    expect(errors).toEqual([new Error('b failed')]);
  });

  it('keeps at most one waiting run per key, however many changes come', async () => {
    const queue = new TaskQueue(() => undefined);
    const busy = gate();
    queue.push(() => busy.opened);
    let latest = 0;
    const painted: number[] = [];
    for (let i = 1; i <= 1000; i++) {
      latest = i;
      queue.pushLatest('badge', async () => void painted.push(latest));
    }
    busy.open();
    await queue.idle();
    expect(painted).toEqual([1000]);
  });

  it('queues the key again once its run has started', async () => {
    const queue = new TaskQueue(() => undefined);
    const running = gate();
    const runs: string[] = [];
    queue.pushLatest('apply', async () => {
      runs.push('first');
      await running.opened;
    });
    await Promise.resolve();
    queue.pushLatest('apply', async () => void runs.push('second'));
    running.open();
    await queue.idle();
    expect(runs).toEqual(['first', 'second']);
  });
});
