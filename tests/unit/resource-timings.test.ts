import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { keepNoResourceTimings } from '@/lib/background/resource-timings';

/** Node's fetch records resource timings like a browser's, so the real buffer is exercised. */
async function fetchOnce(): Promise<void> {
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await (await fetch(`http://127.0.0.1:${port}/`)).text();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('keepNoResourceTimings', () => {
  afterEach(() => {
    performance.setResourceTimingBufferSize(250);
    performance.clearResourceTimings();
  });

  it('a fetch leaves a resource-timing entry unless the buffer is set to keep none', async () => {
    await fetchOnce();
    expect(performance.getEntriesByType('resource').length).toBeGreaterThan(0);
    keepNoResourceTimings();
    expect(performance.getEntriesByType('resource')).toEqual([]);
    await fetchOnce();
    expect(performance.getEntriesByType('resource')).toEqual([]);
  });

  it('does nothing where the context has no resource-timing calls', () => {
    expect(() => keepNoResourceTimings({})).not.toThrow();
    expect(() => keepNoResourceTimings(undefined)).not.toThrow();
  });
});
