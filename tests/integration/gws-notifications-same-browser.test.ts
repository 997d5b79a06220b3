import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from 'cometd';
import { GwsRestClient } from '../../lib/gws/rest.ts';
import { GwsNotifications } from '../../lib/gws/notifications.ts';
import type { FetchLike } from '../../lib/gws/http.ts';
import { createCookieFetch } from '../support/cookie-fetch.ts';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';

/**
 * A fetch that can "die" like a stopped service worker: requests in flight are cut and new
 * ones never leave. The server is not told anything, exactly as when Chrome kills a worker.
 */
function killableFetch(base: FetchLike) {
  const controller = new AbortController();
  /** Start times of /meta/connect requests still waiting for their answer. */
  const heldConnects = new Set<number>();
  const fetch: FetchLike = async (input, init) => {
    if (controller.signal.aborted) return new Promise<Response>(() => {});
    const signal = AbortSignal.any([
      controller.signal,
      init?.signal ?? new AbortController().signal,
    ]);
    const startedAt = Date.now();
    const isConnect = typeof init?.body === 'string' && init.body.includes('/meta/connect');
    if (isConnect) heldConnects.add(startedAt);
    try {
      return await base(input, { ...init, signal });
    } finally {
      heldConnects.delete(startedAt);
    }
  };
  /** A long poll has been waiting at the server for at least `ms`. */
  const pollHeldFor = (ms: number) => [...heldConnects].some((t) => Date.now() - t >= ms);
  return { fetch, pollHeldFor, kill: () => controller.abort() };
}

// One browser profile (one cookie jar, so one BAYEUX_BROWSER cookie): a worker dies with a
// long poll held, a new worker connects. The server first answers the newcomer with
// "multiple-clients" advice (a 2 s interval); once the dead poll's hold ends, events must
// again arrive without that delay.
describe('CometD after a dead client of the same browser', () => {
  let sim: StartedSim;
  beforeAll(async () => {
    sim = await startSim({ longPollTimeoutMs: 4_000, maxIntervalMs: 6_000 });
  });
  afterAll(() => sim?.close());

  it('drops the multiple-clients interval once the other poll is gone', async () => {
    const jar = createCookieFetch();
    const rest = new GwsRestClient({ serverUrl: sim.baseUrl, fetch: jar });
    await rest.login('agent1', 'password');
    await rest.startContactCenterSession();

    const dying = killableFetch(jar);
    const first = new GwsNotifications({
      serverUrl: sim.baseUrl,
      fetch: dying.fetch,
      requestHeaders: () => rest.authHeaders(),
    });
    first.connect();
    await waitFor(() => first.isConnected, { message: 'first client connected' });
    // Die only once a long poll is surely held by the server (loopback answers in < 50 ms
    // whatever is not held).
    await waitFor(() => dying.pollHeldFor(300), { message: 'a held long poll' });
    dying.kill();

    const arrivals: Array<{ at: number; message: Message }> = [];
    const connects: Array<{ multiple: boolean }> = [];
    const second = new GwsNotifications({
      serverUrl: sim.baseUrl,
      fetch: jar,
      requestHeaders: () => rest.authHeaders(),
      onMessage: (message) => arrivals.push({ at: Date.now(), message }),
      onMetaEvent: (event) => {
        if (event.channel === '/meta/connect' && event.successful) {
          connects.push({ multiple: event.advice?.multipleClients === true });
        }
      },
    });
    second.connect();
    try {
      await waitFor(() => second.isConnected, { message: 'second client connected' });
      // The server told the newcomer about the other poll…
      await waitFor(() => connects.some((c) => c.multiple), {
        message: 'multiple-clients advice',
      });
      // …until the dead poll's hold ran out: then a connect is held and answered without it.
      await waitFor(
        () => {
          const last = connects.at(-1);
          return last && connects.some((c) => c.multiple) && !last.multiple;
        },
        // The dead poll's hold, then one full hold of the newcomer's poll.
        { timeoutMs: 12_000, message: 'a connect reply without multiple-clients advice' },
      );

      // Two events back to back: the first answers the held poll, the second waits for the
      // next poll — which must follow at once, not after the stale 2 s interval.
      const data = (n: number) => ({ messageType: 'Probe', n });
      const sentAt = Date.now();
      await sim.control.publish('agent1', '/v2/me/calls', data(1));
      await sim.control.publish('agent1', '/v2/me/calls', data(2));
      const second2 = await waitFor(
        () => arrivals.find((a) => (a.message.data as { n?: number }).n === 2),
        { timeoutMs: 5_000, message: 'the second event' },
      );
      expect(second2.at - sentAt).toBeLessThan(1_000);
    } finally {
      await second.disconnect();
    }
  });
});
