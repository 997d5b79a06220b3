import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import {
  agentSession,
  credentials,
  untilStoreMatchesTruth,
  type AgentHarness,
} from '../support/session-harness.ts';

// A service-worker restart in Node terms: the session object dies, storage.session (the
// persistence) and the browser's cookie jar (the fetch) survive, and a new session resumes.
describe('background session resumes after a worker restart', () => {
  let sim: StartedSim;
  let before: AgentHarness;
  let after: AgentHarness | undefined;

  beforeAll(async () => {
    sim = await startSim();
    before = agentSession(sim.baseUrl);
    await before.session.login(credentials(sim.baseUrl, 'agent1'));
    await before.until((s) => s.connection.kind === 'connected', 'connected');
  });
  afterAll(async () => {
    await after?.close();
    await sim?.close();
  });

  it('keeps the HTTP session, catches what happened while down, and alerts nothing twice', async () => {
    const { callId: held } = await sim.control.call({ to: 'agent1', from: '+14155550132' });
    await before.until((s) => s.calls.length === 1, 'first call rings');
    await before.session.operate({ kind: 'call', callId: held, request: { operation: 'Answer' } });
    await before.until((s) => s.calls[0]?.call.state === 'Established', 'answered');
    // Let the debounced write reach storage.session, as it would before a worker is stopped.
    await waitFor(
      async () => (await before.persistence.load())?.store?.calls[0]?.call.state === 'Established',
      { message: 'the answered call to be persisted' },
    );

    // The worker dies: no logout, no disconnect; the server keeps the old CometD client
    // until maxInterval.
    (before.session as unknown as { connection?: { close(): Promise<void> } }).connection
      ?.close()
      .catch(() => undefined);
    await sim.control.clearRequests();
    // While it is down: the caller hangs up and a new call rings.
    await sim.control.remote(held, 'hangup');
    const { callId: ringing } = await sim.control.call({ to: 'agent1', from: '+442079460958' });

    after = agentSession(sim.baseUrl, { persistence: before.persistence, fetch: before.fetch });
    expect(await after.session.resume()).toBe(true);
    await untilStoreMatchesTruth(after, sim.control, 'agent1');
    // The last known state was shown first, then corrected by the server's truth.
    expect(after.seenCallIds).toContain(held);
    expect(after.calls().calls.map((r) => r.call.id)).toEqual([ringing]);
    expect(after.alerts.map((a) => a.callId)).toEqual([ringing]);
    expect(after.shown[0]).toBe('reconnecting');
    const requests = await sim.control.requests('agent1');
    expect(requests.filter((r) => r.operationName === 'StartContactCenterSession')).toEqual([]);
  });

  it('logs in again by itself when the HTTP session did not survive', async () => {
    await sim.control.expireSessions('agent1');
    const again = agentSession(sim.baseUrl, {
      persistence: after!.persistence,
      fetch: after!.fetch,
    });
    await after!.session['stop']();
    await sim.control.clearRequests();
    expect(await again.session.resume()).toBe(true);
    await untilStoreMatchesTruth(again, sim.control, 'agent1', 8_000);
    const ops = (await sim.control.requests('agent1')).map(
      (r) => r.operationName ?? `${r.method} ${r.path}`,
    );
    expect(ops).toContain('StartContactCenterSession');
    after = again;
  });

  it('has nothing to resume after a logout', async () => {
    await after!.session.logout();
    const fresh = agentSession(sim.baseUrl, { persistence: after!.persistence });
    expect(await fresh.session.resume()).toBe(false);
    expect(fresh.calls().connection.kind).toBe('loggedOut');
    after = undefined;
  });
});
