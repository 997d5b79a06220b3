import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSim, type StartedSim } from '../support/sim.ts';
import { waitFor } from '../support/wait-for.ts';
import type { NotificationStatus } from '../../lib/gws/notifications.ts';
import { GwsClientHarness } from './gws-harness.ts';

// Long polls are held 2 s (startSim default) and a stalled poll is given up 750 ms after that
// (harness networkDelayMs), so every fault below resolves within a few seconds.

let sim: StartedSim;
const clients: GwsClientHarness[] = [];

beforeAll(async () => {
  // The v2 channel model, so the client also meets ChannelStateChangeMessageV2.
  sim = await startSim({ voiceChannelMessages: true });
});
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());
afterEach(async () => {
  await sim.control.stall(false);
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

function client(options: ConstructorParameters<typeof GwsClientHarness>[1] = {}): GwsClientHarness {
  const c = new GwsClientHarness(sim.baseUrl, options);
  clients.push(c);
  return c;
}

/** The statuses recorded since index `from`, as compact strings. */
function statusTrail(c: GwsClientHarness, from = 0): string[] {
  return c.statuses.slice(from).map(describeStatus);
}

function describeStatus(s: NotificationStatus): string {
  if (s.state === 'reconnecting') return `reconnecting(${s.reason})`;
  if (s.state === 'disconnected') return `disconnected(${s.reason})`;
  return s.state;
}

/** A device event proves the subscriptions work: change the agent state and see it arrive. */
async function expectNotificationsFlow(c: GwsClientHarness, state: 'Ready' | 'NotReady') {
  c.drain();
  await c.rest.setAgentState(state);
  await c.nextDevice((d) => d.userState?.state === state && !d.userState.workMode);
}

describe('GwsNotifications against the simulator', () => {
  it('connects, subscribes, delivers, and disconnects cleanly with an honest status trail', async () => {
    const c = client();
    await c.start();
    expect(c.handshakes).toEqual([{ rehandshake: false }]);
    expect((await sim.control.state()).cometdClients).toBe(1);
    await expectNotificationsFlow(c, 'Ready');

    const channels = new Set(c.messages.map((m) => m.channel));
    expect(channels).toEqual(new Set(['/v2/me/devices', '/v2/me/channels']));
    const cometdRequests = c.sent.filter((r) => r.url.endsWith('/api/v2/notifications'));
    expect(cometdRequests.length).toBeGreaterThan(2);
    for (const r of cometdRequests) {
      expect(r.headers.get('X-CSRF-TOKEN')).toBe(c.rest.csrfHeader?.value);
    }
    const subscribed = c.meta.filter((e) => e.channel === '/meta/subscribe' && e.successful);
    expect(subscribed.map((e) => e.subscription).sort()).toEqual([
      '/v2/me/calls',
      '/v2/me/channels',
      '/v2/me/devices',
    ]);

    await c.notifications.disconnect();
    expect(statusTrail(c)).toEqual(['connecting', 'connected', 'disconnected(stopped)']);
    expect(c.notifications.isConnected).toBe(false);
    await waitFor(async () => (await sim.control.state()).cometdClients === 0, {
      message: 'server forgets the client after /meta/disconnect',
    });
  });

  it('re-handshakes after 402 Unknown client, fires onHandshake(rehandshake) and resubscribes', async () => {
    const c = client();
    await c.start();
    const from = c.statuses.length;
    await sim.control.dropClients();

    await waitFor(() => c.handshakes.length === 2, { timeoutMs: 8_000, message: 're-handshake' });
    await c.waitForStatus('connected');
    expect(c.handshakes[1]).toEqual({ rehandshake: true });
    expect(statusTrail(c, from)).toEqual(['reconnecting(unknown-client)', 'connected']);
    expect(c.statuses[from]).toMatchObject({ attempt: 1 });
    expect(c.meta.some((e) => e.error === '402::Unknown client')).toBe(true);
    await expectNotificationsFlow(c, 'Ready');
  });

  it('detects a stalled long poll, aborts it, and recovers when the server answers again', async () => {
    const c = client();
    await c.start();
    const from = c.statuses.length;
    await sim.control.stall(true);

    const stalled = await c.waitForStatus('reconnecting', 8_000);
    expect(stalled).toMatchObject({ reason: 'timeout', attempt: 1 });
    expect(c.notifications.isConnected).toBe(false);
    await sim.control.stall(false);
    await c.waitForStatus('connected');

    const trail = statusTrail(c, from);
    expect(trail.at(-1)).toBe('connected');
    expect(trail.slice(0, -1).every((s) => s.startsWith('reconnecting('))).toBe(true);
    expect(trail).toContain('reconnecting(timeout)');
    await expectNotificationsFlow(c, 'Ready');
  });

  it('recovers from a malformed /meta/connect answer', async () => {
    const c = client();
    await c.start();
    const from = c.statuses.length;
    await sim.control.rawFrame('agent1', '[{"channel":"/meta/connect", oops');

    await waitFor(() => c.statuses.length > from, { message: 'status change after the bad frame' });
    await c.waitForStatus('connected');
    expect(statusTrail(c, from)).toEqual(['reconnecting(protocol)', 'connected']);
    await expectNotificationsFlow(c, 'Ready');
  });

  it('reports a refused handshake without a session as disconnected(session)', async () => {
    const c = client();
    c.notifications.connect(); // no login: no JSESSIONID
    await c.waitForStatus('disconnected');
    expect(statusTrail(c)).toEqual(['connecting', 'disconnected(session)']);
    expect(c.handshakes).toEqual([]);
    const refusal = c.meta.find((e) => e.channel === '/meta/handshake');
    expect(refusal).toMatchObject({ successful: false });
    expect(refusal?.error ?? String(refusal?.failure?.httpStatus)).toMatch(/^40[13]/);
  });

  it('after expire-sessions: 402, handshake refused → disconnected(session) → re-login → connected', async () => {
    const c = client();
    await c.start();
    const from = c.statuses.length;
    await sim.control.expireSessions('agent1');

    await c.waitForStatus('disconnected');
    expect(c.notifications.currentStatus).toEqual({ state: 'disconnected', reason: 'session' });
    expect(statusTrail(c, from)).toEqual(['reconnecting(unknown-client)', 'disconnected(session)']);

    await c.login();
    await c.rest.startContactCenterSession();
    await c.connect();
    expect(statusTrail(c, from).slice(2)).toEqual(['connecting', 'connected']);
    expect(c.handshakes.at(-1)).toEqual({ rehandshake: true });
    await expectNotificationsFlow(c, 'Ready');
  });

  it('survives a GWS restart: reconnecting while down, session refused, re-login, connected', async () => {
    const c = client();
    await c.start();
    const from = c.statuses.length;
    await sim.control.restart();

    await c.waitForStatus('disconnected', 10_000);
    expect(c.notifications.currentStatus).toEqual({ state: 'disconnected', reason: 'session' });
    const trail = c.statuses.slice(from);
    // Honest: never "connected" while the server was gone, attempts count up, then the refusal.
    expect(trail.at(-1)).toEqual({ state: 'disconnected', reason: 'session' });
    const retries = trail.slice(0, -1);
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.every((s) => s.state === 'reconnecting')).toBe(true);
    const attempts = retries.map((s) => (s.state === 'reconnecting' ? s.attempt : 0));
    expect(attempts).toEqual([...attempts].sort((a, b) => a - b));
    expect(attempts[0]).toBe(1);
    // Diagnostics stay plain data even for transport failures (no circular request objects).
    expect(JSON.parse(JSON.stringify(c.meta))).toEqual(c.meta);
    expect(c.meta.some((e) => e.failure?.exception !== undefined)).toBe(true);

    await c.login();
    await c.rest.startContactCenterSession();
    await c.connect();
    expect(c.handshakes.at(-1)).toEqual({ rehandshake: true });
    expect((await sim.control.state()).cometdClients).toBe(1);
    await expectNotificationsFlow(c, 'Ready');
  });

  it('keeps each agent on its own session and topics', async () => {
    const a = client({ userName: 'agent1' });
    const b = client({ userName: 'agent2' });
    await a.start();
    await b.start();
    a.drain();
    b.drain();
    await b.rest.setAgentState('Ready');
    const device = await b.nextDevice((d) => d.userState?.state === 'Ready');
    expect(device.phoneNumber).toBe((await sim.control.agent('agent2')).dn);
    await expectNotificationsFlow(a, 'Ready');
    expect(a.messages.every((m) => JSON.stringify(m.data).includes(device.id) === false)).toBe(
      true,
    );
  });
});
