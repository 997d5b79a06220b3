import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../lib/diagnostics/ring-buffer.ts';
import { DiagnosticsLog } from '../../lib/diagnostics/diagnostics-log.ts';

describe('RingBuffer', () => {
  it('keeps the newest entries, oldest first, and counts what it dropped', () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= 7; i++) ring.push(i);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.size).toBe(3);
    expect(ring.droppedCount).toBe(4);
  });

  it('rejects a capacity below one', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});

describe('DiagnosticsLog', () => {
  it('bounds each kind separately so a notification flood keeps the errors', () => {
    let t = 0;
    const log = new DiagnosticsLog({ notification: 5, error: 2 }, () => ++t);
    log.record('error', 'handshake failed', { reason: '402::Unknown client' });
    for (let i = 0; i < 1000; i++) log.record('notification', `n${i}`);
    const dump = log.dump();
    expect(dump.entries.error.map((e) => e.summary)).toEqual(['handshake failed']);
    expect(dump.entries.notification.map((e) => e.summary)).toEqual([
      'n995',
      'n996',
      'n997',
      'n998',
      'n999',
    ]);
    expect(dump.dropped.notification).toBe(995);
    expect(JSON.parse(JSON.stringify(dump))).toEqual(dump);
  });

  it('stores cyclic or huge details as JSON-safe notes instead of throwing', () => {
    const log = new DiagnosticsLog();
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    log.record('meta', 'cyclic', cyclic);
    log.record('meta', 'huge', { text: 'x'.repeat(20_000) });
    const [first, second] = log.dump().entries.meta;
    expect(first?.detail).toMatchObject({ unserializable: expect.stringContaining('circular') });
    expect(second?.detail).toMatchObject({ truncated: expect.any(String) });
  });
});
