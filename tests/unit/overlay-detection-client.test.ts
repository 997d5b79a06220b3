import { describe, expect, it } from 'vitest';
import { DetectionClient, splitText } from '../../lib/overlay/detection-client.ts';
import { CommandError } from '../../lib/messaging/errors.ts';
import { DetectionService } from '../../lib/phone/detection-service.ts';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';
import { readDetectRequest } from '../../lib/phone/detect-request.ts';
import type {
  PageDetectedNumber,
  PageDetectItem,
  PageDetectRequest,
} from '../../lib/messaging/page-messages.ts';

/**
 * The background as the page sees it: the real request check and detection service behind a
 * transport that can be made unreachable (a service worker stopping) or answer late.
 */
function background() {
  const service = new DetectionService({
    find: findPhoneNumbers,
    yieldThen: (task) => void setTimeout(task, 0),
  });
  const sent: PageDetectItem[][] = [];
  const messages: PageDetectRequest[] = [];
  let unreachable = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    sent,
    messages,
    maxInFlight: () => maxInFlight,
    /** The next `n` messages fail the way runtime.sendMessage fails with no worker. */
    goAway(n: number) {
      unreachable = n;
    },
    transport: {
      async detect(request: PageDetectRequest): Promise<PageDetectedNumber[][]> {
        messages.push(request);
        if (unreachable > 0) {
          unreachable--;
          throw new Error('Could not establish connection. Receiving end does not exist.');
        }
        // What the background reads: the texts with their records.
        const verdict = readDetectRequest(JSON.parse(JSON.stringify(request)));
        if (verdict.ok) sent.push(verdict.items);
        if (!verdict.ok)
          throw new CommandError({
            name: 'Refused',
            message: verdict.reason,
            code: 'invalid-input',
          });
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          return await service.detect(verdict.items, { region: 'US' });
        } finally {
          inFlight--;
        }
      },
    },
  };
}

/** Timers the test runs by hand; `next()` resolves with the next one set. */
function manualTimers() {
  const set: Array<() => void> = [];
  let notify: (() => void) | undefined;
  return {
    setTimer: (run: () => void) => {
      set.push(run);
      notify?.();
    },
    async next(): Promise<() => void> {
      while (set.length === 0) await new Promise<void>((resolve) => (notify = resolve));
      return set.shift()!;
    },
    get count() {
      return set.length;
    },
  };
}

function client(bg: ReturnType<typeof background>, timers = manualTimers()) {
  return new DetectionClient({
    transport: bg.transport,
    signal: new AbortController().signal,
    // Retries wait for the test to run them.
    setTimer: timers.setTimer,
  });
}

describe('the page side of detection', () => {
  it('sends the texts of one task together, cut to the message bounds, a few in flight', async () => {
    const bg = background();
    const c = client(bg);
    const texts = Array.from({ length: 450 }, (_, i) => `Row ${i} (415) 555-${1000 + i}`);
    const found = await Promise.all(texts.map((text) => c.find(text)));
    expect(bg.messages.map((m) => m.items.length)).toEqual([200, 200, 50]);
    expect(bg.maxInFlight()).toBeLessThanOrEqual(6);
    expect(found.map((m) => m[0]?.e164)).toEqual(texts.map((_, i) => `+1415555${1000 + i}`));
    expect(found[7]![0]).toMatchObject({ raw: '(415) 555-1007', start: 6, end: 20 });
  });

  it('sends a record once for all the texts of it in a message', async () => {
    const bg = background();
    const c = client(bg);
    const row = { context: 'Ada Smith\tLondon\tUnited Kingdom\t020 7946 0958\t07911 123456' };
    const found = await Promise.all([
      c.find('020 7946 0958', row),
      c.find('07911 123456', row),
      c.find('415-555-0132'),
    ]);
    expect(bg.messages).toEqual([
      {
        items: [
          { text: '020 7946 0958', record: 0 },
          { text: '07911 123456', record: 0 },
          { text: '415-555-0132' },
        ],
        records: [row.context],
      },
    ]);
    expect(found.map((m) => m[0]?.e164)).toEqual([
      '+442079460958',
      '+447911123456',
      '+14155550132',
    ]);
  });

  it('asks once for a text repeated in the same record, and again in another record', async () => {
    const bg = background();
    const c = client(bg);
    const uk = { context: 'London\tUnited Kingdom' };
    const [a, b, us] = await Promise.all([
      c.find('020 7946 0958', uk),
      c.find('020 7946 0958', uk),
      c.find('020 7946 0958'),
    ]);
    expect(bg.sent.flat()).toHaveLength(2);
    expect(bg.messages[0]?.records).toEqual([uk.context]);
    expect(a).toEqual(b);
    expect(a[0]?.e164).toBe('+442079460958');
    expect(us).toEqual([]);
  });

  it('loses nothing while the background is away: the batch is sent again, later', async () => {
    const bg = background();
    const timers = manualTimers();
    const c = client(bg, timers);
    bg.goAway(2);
    let answered = false;
    const answers = Promise.all(['415-555-0132', 'Fax 212 555 0100'].map((t) => c.find(t))).then(
      (found) => ((answered = true), found),
    );
    // Nothing is answered and nothing blocks while the worker is away; each retry waits.
    (await timers.next())();
    expect(answered).toBe(false);
    (await timers.next())();
    const [first, second] = await answers;
    expect(timers.count).toBe(0);
    expect(first?.[0]?.e164).toBe('+14155550132');
    expect(second?.[0]?.e164).toBe('+12125550100');
    expect(c.stats).toMatchObject({ retries: 2, refused: 0 });
    expect(bg.messages).toHaveLength(3);
  });

  it('does not send a refused batch again, and says why it was refused', async () => {
    const bg = background();
    const c = new DetectionClient({
      transport: bg.transport,
      signal: new AbortController().signal,
      setTimer: () => {
        throw new Error('a refusal is not retried');
      },
      // A page whose bounds disagree with the background's: the background refuses.
      limits: {
        items: 200,
        textChars: 10_000,
        contextChars: 4096,
        langChars: 35,
        batchChars: 262_144,
      },
    });
    expect(await c.find(`${'x'.repeat(5000)} 415-555-0132`)).toEqual([]);
    expect(c.stats.refused).toBe(1);
    expect(c.stats.lastRefusal).toMatch(/text has 5013 characters, at most 4096/);
    expect(bg.messages).toHaveLength(1);
  });

  it('cuts a long text into parts the background accepts, and puts the offsets back', async () => {
    const bg = background();
    const c = client(bg);
    const line = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. ';
    const text = `${line.repeat(100)}Call 415-555-0132 now. ${line.repeat(80)}Or 212 555 0100.`;
    const found = await c.find(text);
    expect(found.map((m) => [m.raw, m.e164, text.slice(m.start, m.end)])).toEqual([
      ['415-555-0132', '+14155550132', '415-555-0132'],
      ['212 555 0100', '+12125550100', '212 555 0100'],
    ]);
    expect(bg.sent.flat().every((item) => item.text.length <= 4096)).toBe(true);
    for (const [max, sample] of [
      [10, 'aaaa bbbb cccc dddd'],
      [8, 'x'.repeat(30)],
    ] as const) {
      const parts = splitText(sample, max);
      expect(parts.map((p) => p.part).join('')).toBe(sample);
      expect(parts.every((p) => p.part.length <= max && sample.startsWith(p.part, p.offset))).toBe(
        true,
      );
    }
  });

  it('peeks at what it knows without waiting, and asks for what it does not', async () => {
    const bg = background();
    const c = client(bg);
    expect(c.peek('415-555-0132')).toBeUndefined();
    // The peek's question is under way: asking again waits for the same answer.
    await c.find('415-555-0132');
    expect(c.peek('415-555-0132')?.[0]?.e164).toBe('+14155550132');
    expect(bg.sent.flat()).toHaveLength(1);
  });
});
