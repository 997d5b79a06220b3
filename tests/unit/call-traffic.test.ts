import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallTrafficGate } from '../../lib/background/call-traffic.ts';
import { DetectionService } from '../../lib/phone/detection-service.ts';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';

/** A clock and timers by hand: `advance` runs the timers that fall due, in order. */
function fakeTime() {
  const clock = { t: 0 };
  const timers: Array<{ at: number; task: () => void }> = [];
  return {
    now: () => clock.t,
    after: (ms: number, task: () => void) => void timers.push({ at: clock.t + ms, task }),
    advance(ms: number) {
      const until = clock.t + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > until) break;
        timers.shift();
        clock.t = next.at;
        next.task();
      }
      clock.t = until;
    },
  };
}

describe('the call-traffic gate', () => {
  it('stays shut while overlapping holds hand the traffic on, and opens at the last release', () => {
    const time = fakeTime();
    const gate = new CallTrafficGate({ now: time.now, after: time.after, maxHoldMs: 100 });
    const ran: string[] = [];
    const answer = gate.hold();
    gate.whenClear(() => ran.push('slice'));
    time.advance(5);
    const push = gate.hold(); // the listeners scheduled a view push
    answer();
    expect(gate.isClear()).toBe(false);
    expect(ran).toEqual([]);
    time.advance(5);
    push();
    push(); // a second call of a release changes nothing
    expect(ran).toEqual(['slice']);
    expect(gate.isClear()).toBe(true);
  });

  it('opens at the bound when the traffic lasts longer, until that traffic ends', () => {
    const time = fakeTime();
    const gate = new CallTrafficGate({ now: time.now, after: time.after, maxHoldMs: 100 });
    const ran: number[] = [];
    const first = gate.hold();
    time.advance(60);
    const second = gate.hold();
    gate.whenClear(() => ran.push(time.now()));
    time.advance(39);
    expect(ran).toEqual([]);
    first();
    time.advance(1);
    // The episode began 100 ms ago: detection goes on although `second` is still held.
    expect(ran).toEqual([100]);
    expect(gate.isClear()).toBe(true);
    second();
    // New traffic shuts the gate again.
    gate.hold();
    expect(gate.isClear()).toBe(false);
  });

  it('forgets a hold that is never released', () => {
    const time = fakeTime();
    const gate = new CallTrafficGate({ now: time.now, after: time.after, maxHoldMs: 100 });
    gate.hold(); // leaked
    const ran: number[] = [];
    gate.whenClear(() => ran.push(time.now()));
    time.advance(100);
    expect(ran).toEqual([100]);
    // The leaked hold is gone: the next traffic shuts the gate, and its release opens it.
    const release = gate.hold();
    expect(gate.isClear()).toBe(false);
    release();
    expect(gate.isClear()).toBe(true);
  });

  it('keeps the last episodes when asked to', () => {
    const time = fakeTime();
    const gate = new CallTrafficGate({ now: time.now, after: time.after });
    const trace = gate.startTrace();
    const a = gate.hold();
    time.advance(3);
    const b = gate.hold();
    a();
    time.advance(2);
    b();
    expect(trace).toEqual([{ start: 0, end: 5, holds: 2, expired: false }]);
  });
});

describe('the detection service behind the gate', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts no slice while call traffic is held, and goes on once it is released', async () => {
    const time = fakeTime();
    const gate = new CallTrafficGate({ now: time.now, after: time.after, maxHoldMs: 100 });
    const tasks: Array<() => void> = [];
    const runTasks = () => {
      for (let task = tasks.shift(); task; task = tasks.shift()) task();
    };
    const service = new DetectionService({
      find: (text, region, options) => {
        time.advance(1);
        return findPhoneNumbers(text, region, options);
      },
      yieldThen: (task) => tasks.push(task),
      now: time.now,
      sliceMs: 4,
      gate,
    });
    const items = Array.from({ length: 12 }, (_, i) => ({ text: `Row ${i}: 415-555-${1000 + i}` }));
    const done = service.detect(items, { region: 'US' });
    const release = gate.hold();
    runTasks();
    expect(service.stats.slices).toBe(0);
    release();
    runTasks();
    expect(service.stats.slices).toBe(3);
    expect((await done).map((found) => found[0]?.e164)).toEqual(
      items.map((_, i) => `+1415555${1000 + i}`),
    );
  });

  it('yields at background priority where the browser schedules tasks by priority', async () => {
    // Chromium's scheduler.postTask: a GWS answer already queued in the worker then runs
    // before the next slice. Node has no such scheduler, so it is stood in for here.
    const posted: Array<{ task: () => void; priority: string }> = [];
    vi.stubGlobal('scheduler', {
      postTask: (task: () => void, options: { priority: string }) => {
        posted.push({ task, priority: options.priority });
        return Promise.resolve();
      },
    });
    const service = new DetectionService({ find: findPhoneNumbers });
    const done = service.detect([{ text: '415-555-0132' }], { region: 'US' });
    expect(posted.map((p) => p.priority)).toEqual(['background']);
    posted[0]!.task();
    expect((await done)[0]?.[0]?.e164).toBe('+14155550132');
  });
});
