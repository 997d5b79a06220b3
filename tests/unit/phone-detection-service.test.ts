import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detector, findPhoneNumbers } from '../../lib/phone/detect.ts';
import { DetectionService } from '../../lib/phone/detection-service.ts';
import { readDetectRequest } from '../../lib/phone/detect-request.ts';
import { LruCache } from '../../lib/phone/lru-cache.ts';
import type { PhoneFinder } from '../../lib/phone/detect-core.ts';
import { PAGE_DETECT_LIMITS } from '../../lib/messaging/page-messages.ts';

/** The event loop, by hand: tasks run one at a time, in the order they were queued. */
function taskQueue() {
  const tasks: Array<{ name: string; run: () => void }> = [];
  const ran: string[] = [];
  return {
    post: (name: string, run: () => void) => tasks.push({ name, run }),
    yieldThen: (run: () => void) => tasks.push({ name: 'slice', run }),
    /** Runs every task, and those they queue, recording their names. */
    drain() {
      for (let task = tasks.shift(); task; task = tasks.shift()) {
        ran.push(task.name);
        task.run();
      }
      return ran;
    },
  };
}

/** A finder that costs `ms` of the fake clock per text and counts its calls. */
function costly(clock: { t: number }, ms: number) {
  const calls: string[] = [];
  const find: PhoneFinder = (text, region, options) => {
    calls.push(text);
    clock.t += ms;
    return findPhoneNumbers(text, region, options);
  };
  return { find, calls };
}

describe('the detection service', () => {
  it('reads each text with its record and the agent region, and answers offsets and E.164', async () => {
    const q = taskQueue();
    const service = new DetectionService({ find: findPhoneNumbers, yieldThen: q.yieldThen });
    const answer = service.detect(
      [
        { text: '020 7946 0958', context: 'Alice Smith\tLondon\tUnited Kingdom\t020 7946 0958' },
        { text: '020 7946 0958' },
        { text: 'Call (415) 555-0132 x 12 today' },
        { text: 'Ticket 2024-000123' },
      ],
      { region: 'US' },
    );
    q.drain();
    const [uk, bare, us, none] = await answer;
    expect(uk).toEqual([{ start: 0, end: 13, e164: '+442079460958' }]);
    // Without its record the same text is not a US number.
    expect(bare).toEqual([]);
    expect(us).toEqual([{ start: 5, end: 24, e164: '+14155550132', extension: '12' }]);
    expect(none).toEqual([]);
  });

  it('finds internal numbers only with the dial plan of the settings', async () => {
    const q = taskQueue();
    const service = new DetectionService({ find: findPhoneNumbers, yieldThen: q.yieldThen });
    const items = [{ text: 'Desk 7002' }];
    const without = service.detect(items, { region: 'US' });
    const withPlan = service.detect(items, { region: 'US', internal: ['7XXX'] });
    q.drain();
    expect(await without).toEqual([[]]);
    expect(await withPlan).toEqual([[{ start: 5, end: 9, e164: '7002', internal: true }]]);
  });

  it('answers a repeated text from its cache, keyed by text, record, language and region', async () => {
    const q = taskQueue();
    const clock = { t: 0 };
    const { find, calls } = costly(clock, 0);
    const service = new DetectionService({ find, yieldThen: q.yieldThen, now: () => clock.t });
    const row = { text: '030 1234567', context: 'Berlin\tDeutschland' };
    const first = service.detect([row, row, { ...row, lang: 'de' }], { region: 'US' });
    const second = service.detect([row], { region: 'GB' });
    q.drain();
    await Promise.all([first, second]);
    expect(calls).toHaveLength(3);
    expect(service.stats).toMatchObject({ items: 4, cacheHits: 1 });
    expect((await first)[0]).toEqual((await first)[1]);
  });

  it('keeps its cache bounded and drops the least recently used entry first', async () => {
    const q = taskQueue();
    const clock = { t: 0 };
    const { find, calls } = costly(clock, 0);
    const service = new DetectionService({
      find,
      yieldThen: q.yieldThen,
      now: () => clock.t,
      cacheEntries: 3,
    });
    const texts = ['A 415-555-0101', 'B 415-555-0102', 'C 415-555-0103', 'D 415-555-0104'];
    const run = async (list: string[]) => {
      const done = service.detect(
        list.map((text) => ({ text })),
        { region: 'US' },
      );
      q.drain();
      return done;
    };
    await run(texts.slice(0, 3));
    await run([texts[0]!]); // A is now the most recent: B is the oldest.
    await run([texts[3]!]); // D pushes B out.
    expect(service.cached).toBe(3);
    calls.length = 0;
    await run([texts[0]!, texts[2]!, texts[3]!, texts[1]!]);
    expect(calls).toEqual([texts[1]]);
    expect(service.cached).toBe(3);
  });

  it('bounds the cache by characters too', () => {
    const cache = new LruCache<number>(100, 50);
    cache.set('a'.repeat(20), 1);
    cache.set('b'.repeat(20), 2);
    cache.set('c'.repeat(20), 3);
    expect(cache.size).toBe(2);
    expect(cache.get('a'.repeat(20))).toBeUndefined();
    expect(cache.weight).toBeLessThanOrEqual(50);
    cache.set('d'.repeat(60), 4);
    expect(cache.get('d'.repeat(60))).toBeUndefined();
  });

  it('evicts the least recently used entry through any mix of reads, writes and clears', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ kind: fc.constant('get' as const), key: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(op, { maxLength: 400 }), (max, ops) => {
        const cache = new LruCache<number>(max, 1_000_000);
        // The model: keys from least to most recently used.
        let model: string[] = [];
        for (const o of ops) {
          if (o.kind === 'clear') {
            cache.clear();
            model = [];
            continue;
          }
          const key = `k${o.key}`;
          const known = model.includes(key);
          if (known) model = [...model.filter((k) => k !== key), key];
          if (o.kind === 'get') {
            expect(cache.get(key)).toBe(known ? o.key : undefined);
            continue;
          }
          cache.set(key, o.key);
          if (!known) model.push(key);
          if (model.length > max) model.shift();
        }
        expect(cache.size).toBe(model.length);
        for (const key of model) expect(cache.get(key)).toBe(Number(key.slice(1)));
      }),
      { numRuns: 300 },
    );
  });

  it('answers the reload of a 20,000-row page from its cache', async () => {
    // The shape `npm run bench -- detection --rows 20000` measured: one item per row, ~210
    // characters, four numbers found in each.
    const q = taskQueue();
    const found = [0, 1, 2, 3].map((k) => ({
      start: k * 20,
      end: k * 20 + 14,
      e164: `+1415555010${k}`,
    }));
    const service = new DetectionService({
      find: () => found.map((n) => ({ ...n, country: 'US' }) as never),
      regions: () => ['US'],
      yieldThen: q.yieldThen,
    });
    const page = Array.from({ length: 20_000 }, (_, row) => ({
      text: `${row} `.padEnd(210, `(415) 555-01${row % 100} 2024-01-01 #${row}\n`),
    }));
    const load = async () => {
      const done = service.detect(page, { region: 'US' });
      q.drain();
      return done;
    };
    await load();
    const before = service.stats.cacheHits;
    await load();
    expect(service.stats.cacheHits - before).toBe(page.length);
  });

  it('works in slices of its budget, and a task queued meanwhile waits one slice at most', async () => {
    const q = taskQueue();
    const clock = { t: 0 };
    const { find } = costly(clock, 1);
    const service = new DetectionService({
      find,
      yieldThen: q.yieldThen,
      now: () => clock.t,
      sliceMs: 4,
    });
    const big = Array.from({ length: 40 }, (_, i) => ({ text: `Row ${i}: 415-555-${1000 + i}` }));
    const tabA = service.detect(big, { region: 'US' });
    const tabB = service.detect(big.slice(0, 2), { region: 'US' });
    // A call event arrives while the first slice is queued: it runs right after that slice.
    q.post('call event', () => {});
    const ran = q.drain();
    expect(ran.indexOf('call event')).toBe(1);
    // 40 texts of 1 ms in slices of 4 ms, then the second tab's two (cached, 0 ms).
    expect(service.stats.slices).toBe(11);
    expect(service.stats.maxSliceMs).toBe(4);
    expect(ran.filter((name) => name === 'slice')).toHaveLength(11);
    expect((await tabA).map((found) => found[0]?.e164)).toEqual(
      big.map((_, i) => `+1415555${1000 + i}`),
    );
    // The second tab's batch came after the first: it was answered from the cache.
    expect(await tabB).toEqual((await tabA).slice(0, 2));
    expect(service.stats).toMatchObject({ items: 42, cacheHits: 2, queued: 0, maxQueued: 42 });
  });

  it('answers an empty batch at once and keeps going when the detector throws', async () => {
    const q = taskQueue();
    const service = new DetectionService({
      find: (text) => {
        if (text === 'boom') throw new Error('bad metadata');
        return findPhoneNumbers(text, 'US');
      },
      yieldThen: q.yieldThen,
    });
    expect(await service.detect([], { region: 'US' })).toEqual([]);
    const done = service.detect([{ text: 'boom' }, { text: '415-555-0132' }], { region: 'US' });
    q.drain();
    expect((await done).map((found) => found.length)).toEqual([0, 1]);
  });
});

describe('what a page may ask the detection service', () => {
  const refusal = (request: unknown) => {
    const verdict = readDetectRequest(request);
    return verdict.ok ? 'accepted' : verdict.reason;
  };

  it('accepts items within the bounds, each with its record, keeping only the fields it knows', () => {
    expect(
      readDetectRequest({
        items: [
          { text: 'a', record: 0, lang: 'de', extra: 'x' },
          { text: 'b', record: 0 },
          { text: 'c' },
        ],
        records: ['row'],
      }),
    ).toEqual({
      ok: true,
      items: [
        { text: 'a', context: 'row', lang: 'de' },
        { text: 'b', context: 'row' },
        { text: 'c' },
      ],
    });
  });

  it('refuses a batch over the bounds, or malformed, and says why', () => {
    const { items, textChars, contextChars, batchChars } = PAGE_DETECT_LIMITS;
    expect(refusal(undefined)).toMatch(/no list of items/);
    expect(refusal({ items: 'x' })).toMatch(/no list of items/);
    expect(refusal({ items: Array.from({ length: items + 1 }, () => ({ text: 'a' })) })).toMatch(
      `${items + 1} items in one message, at most ${items}`,
    );
    expect(refusal({ items: [{ text: 'a' }, { text: 'x'.repeat(textChars + 1) }] })).toMatch(
      `item 1's text has ${textChars + 1} characters, at most ${textChars}`,
    );
    expect(
      refusal({ items: [{ text: 'a', record: 0 }], records: ['x'.repeat(contextChars + 1)] }),
    ).toMatch(`record 0 has ${contextChars + 1} characters`);
    expect(refusal({ items: [{ text: 'a' }], records: [5] })).toMatch(/record 0 is not text/);
    expect(refusal({ items: [{ text: 'a' }], records: 'row' })).toMatch(/records are not a list/);
    for (const record of [1, -1, 0.5, '0'])
      expect(refusal({ items: [{ text: 'a', record }], records: ['row'] })).toMatch(
        /item 0's record is not one of the message's records/,
      );
    expect(refusal({ items: [{ text: 'a', lang: 'x'.repeat(99) }] })).toMatch(/language/);
    expect(refusal({ items: [null] })).toMatch(/item 0 has no text/);
    const full = {
      items: Array.from({ length: 100 }, (_, i) => ({ text: 'x'.repeat(textChars), record: i })),
      records: Array.from({ length: 100 }, () => 'y'.repeat(contextChars)),
    };
    expect(refusal(full)).toMatch(`more than ${batchChars} characters`);
  });
});

describe('the detection service keyed by what a record says', () => {
  it('shares an entry between records pointing to the same country, not between countries', async () => {
    const q = taskQueue();
    const clock = { t: 0 };
    const { find, calls } = costly(clock, 0);
    const service = new DetectionService({
      find,
      regions: detector.regions,
      yieldThen: q.yieldThen,
      now: () => clock.t,
    });
    const text = '020 7946 0958';
    const done = service.detect(
      [
        { text, context: `Alice\tLondon\tUnited Kingdom\t${text}` },
        { text, context: `Bob\tManchester\tUK\t${text}` },
        { text, context: `Chloé\tParis\tFrance\t${text}` },
        { text, context: `Dmitri\tReino Unido\t${text}` },
      ],
      { region: 'US' },
    );
    q.drain();
    const [alice, bob, chloe, dmitri] = await done;
    expect(alice?.[0]?.e164).toBe('+442079460958');
    expect(bob).toEqual(alice);
    expect(dmitri).toEqual(alice);
    // In France's record the same digits are not a French number.
    expect(chloe).toEqual([]);
    expect(calls).toHaveLength(2);
    expect(service.stats.cacheHits).toBe(2);
  });
});
