/**
 * Faults of the control API (/sim/faults/*, /sim/config) as a client experiences them on the
 * wire: forgotten CometD clients, expired sessions, a GWS restart, voice service down, slow
 * REST, stalled long polls, duplicated and reordered notifications, server timeouts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readyAgent, SimAgent, type Wire } from '../support/sim-agent.ts';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';

let s: StartedSim;
const open: SimAgent[] = [];

beforeAll(async () => {
  s = await startSim();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((a) => a.disconnect()));
  await s.control.reset();
});
afterAll(async () => {
  await s.close();
});

async function ready(user: string): Promise<SimAgent> {
  const a = await readyAgent(s.baseUrl, user);
  open.push(a);
  return a;
}

const isReady = (m: { data: Wire }) =>
  m.data.messageType === 'DeviceStateChangeMessage' &&
  m.data.devices[0].userState?.state === 'Ready';

async function bayeux(messages: unknown, cookie?: string): Promise<Wire> {
  const res = await fetch(`${s.baseUrl}/api/v2/notifications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(messages),
  });
  return res.json();
}

describe('CometD client faults', () => {
  it('drop-clients: the next /meta/connect answers 402 with handshake advice and the client re-handshakes', async () => {
    const a = await ready('agent1');
    expect((await s.control.dropClients()).dropped).toBe(1);
    const failed = await waitFor(
      () => a.meta.find((m) => m.channel === '/meta/connect' && m.successful === false),
      { message: '402' },
    );
    expect(failed.error).toBe('402::Unknown client');
    expect(failed.advice?.reconnect).toBe('handshake');
    await waitFor(() => a.handshakes === 2, { message: 're-handshake' });
    await waitFor(async () => (await s.control.state()).cometdClients === 1, {
      message: 'client back',
    });
    await a.op('/api/v2/me/channels/voice', 'Ready');
    await a.nextMessage(isReady);
  });

  it('expire-sessions: REST answers 20/403, CometD is refused until the agent logs in again', async () => {
    const a = await ready('agent1');
    const b = await ready('agent2');
    expect((await s.control.expireSessions('agent1')).expired).toBe(1);
    const get = await a.get('/api/v2/me');
    expect(get.status).toBe(401);
    expect(get.body.statusCode).toBe(20);
    const post = await a.op('/api/v2/me/channels/voice', 'Ready');
    expect(post.status).toBe(403);
    expect(post.text).toBe('Missing or invalid Csrf token');
    const refused = await waitFor(
      () => a.meta.find((m) => m.channel === '/meta/handshake' && m.successful === false),
      { message: 'refused handshake' },
    );
    expect(refused.error).toMatch(/^403::/);
    expect((await b.get('/api/v2/me')).status).toBe(200);
    await b.op('/api/v2/me/channels/voice', 'Ready');
    await b.nextMessage(isReady);
    // Log in again: a new session; the contact-center session has to be started again.
    const again = new SimAgent(s.baseUrl, 'agent1');
    await again.login();
    await again.connect();
    open.push(again);
    expect((await again.op('/api/v2/me/channels/voice', 'Ready')).body.statusCode).toBe(2);
    expect((await again.startSession()).body.statusCode).toBe(0);
    expect((await again.op('/api/v2/me/channels/voice', 'Ready')).body.statusCode).toBe(0);
    await again.nextMessage(isReady);
  });

  it('restart: sessions and clients are gone, calls and agent states survive', async () => {
    const a = await ready('agent1');
    await a.op('/api/v2/me/channels/voice', 'Ready');
    await a.nextMessage(isReady);
    const { callId } = await s.control.call({ to: 'agent1', from: '+14155550199' });
    await a.callOp(callId, 'Answer');
    await a.nextCall({ state: 'Established' });
    await s.control.restart();
    const st = await s.control.state();
    expect(st.httpSessions).toBe(0);
    expect(st.cometdClients).toBe(0);
    expect((await a.get('/api/v2/me')).body.statusCode).toBe(20);
    await waitFor(
      () => a.meta.some((m) => m.channel === '/meta/handshake' && m.successful === false),
      { message: 'client refused after restart' },
    );
    const again = new SimAgent(s.baseUrl, 'agent1');
    await again.login();
    await again.connect();
    open.push(again);
    const calls = (await again.get('/api/v2/me/calls?fields=*')).body.calls;
    expect(calls.map((c: Wire) => [c.id, c.state])).toEqual([[callId, 'Established']]);
    expect((await again.callOp(callId, 'Hold')).body.statusCode).toBe(2);
    expect((await again.startSession()).body.statusCode).toBe(0);
    expect((await again.nextDevice()).devices[0].userState.state).toBe('Ready');
    expect((await again.callOp(callId, 'Hangup')).body.statusCode).toBe(0);
    await again.nextCall({ state: 'Released', callId });
  });
});

describe('REST faults', () => {
  it('voice-down: voice operations answer HTTP 503 statusCode 4 and change nothing; reads still work', async () => {
    const a = await ready('agent1');
    await s.control.voiceDown(true);
    const r = await a.op('/api/v2/me/channels/voice', 'Ready');
    expect(r.status).toBe(503);
    expect(r.body).toEqual({
      statusCode: 4,
      statusMessage: 'Voice service is not available at this time',
    });
    expect((await a.dial('5000')).status).toBe(503);
    expect((await a.deviceOp('DoNotDisturbOn')).status).toBe(503);
    expect((await a.get('/api/v2/me?subresources=*')).status).toBe(200);
    expect((await a.get('/api/v2/services?fields=*')).body.services[0].state).toBe('Unavailable');
    expect((await s.control.agent('agent1')).device.userState.state).toBe('NotReady');
    await s.control.voiceDown(false);
    expect((await a.op('/api/v2/me/channels/voice', 'Ready')).status).toBe(200);
  });

  it('delay: only responses under the path prefix are slowed down', async () => {
    const a = await ready('agent1');
    await s.control.delay(600, '/api/v2/me/devices');
    const t0 = Date.now();
    expect((await a.get('/api/v2/me/devices')).status).toBe(200);
    const slow = Date.now() - t0;
    const t1 = Date.now();
    await a.get('/api/v2/me/calls');
    const fast = Date.now() - t1;
    expect(slow).toBeGreaterThanOrEqual(590);
    // Relative, not absolute: a loaded machine slows both requests alike.
    expect(slow - fast).toBeGreaterThan(300);
    expect((await s.control.state()).faults.delay).toEqual({
      ms: 600,
      pathPrefix: '/api/v2/me/devices',
    });
  });
});

describe('notification faults', () => {
  it('stall: long polls are held while on and answered at once when turned off', async () => {
    const a = await ready('agent1');
    await s.control.stall(true);
    await a.op('/api/v2/me/channels/voice', 'Ready');
    expect((await s.control.agent('agent1')).device.userState.state).toBe('Ready');
    // Nothing can be awaited while stalled: give delivery a bounded chance to (wrongly) happen.
    await new Promise((r) => setTimeout(r, 300));
    expect(a.pending().some(isReady)).toBe(false);
    const t0 = Date.now();
    await s.control.stall(false);
    await a.nextMessage(isReady, 5_000);
    // Far below the client's own request timeout (hold 2 s + 10 s network delay) after which
    // it would have re-polled by itself.
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it('duplicate: every notification arrives twice', async () => {
    const a = await ready('agent1');
    await s.control.duplicate(true);
    await a.op('/api/v2/me/channels/voice', 'Ready');
    const first = await a.nextMessage(isReady);
    const second = await a.nextMessage(isReady);
    expect(second.data).toEqual(first.data);
  });

  it('reorder: notifications arrive in swapped pairs', async () => {
    // The v2 channel model gives an agent-state change two notifications: a pair to swap.
    await s.control.config({ voiceChannelMessages: true });
    const a = await ready('agent1');
    await a.op('/api/v2/me/channels/voice', 'Ready');
    await a.nextMessage(isReady);
    await a.nextMessage((m) => m.channel === '/v2/me/channels');
    const inOrder = a.received.slice(-2).map((m) => m.channel);
    expect(inOrder).toEqual(['/v2/me/devices', '/v2/me/channels']);
    await s.control.reorder(true);
    await a.op('/api/v2/me/channels/voice', 'NotReady');
    await a.nextDevice();
    await a.nextMessage((m) => m.channel === '/v2/me/channels');
    expect(a.received.slice(-2).map((m) => m.channel)).toEqual([
      '/v2/me/channels',
      '/v2/me/devices',
    ]);
  });
});

describe('configuration', () => {
  it('longPollTimeoutMs sets how long a /meta/connect is held', async () => {
    const a = new SimAgent(s.baseUrl, 'agent1');
    await a.login();
    await s.control.config({ longPollTimeoutMs: 300 });
    const hs = (
      await bayeux(
        [
          {
            channel: '/meta/handshake',
            version: '1.0',
            supportedConnectionTypes: ['long-polling'],
          },
        ],
        a.cookie,
      )
    )[0];
    expect(hs.advice.timeout).toBe(300);
    const connect = (id: string, advice?: unknown) =>
      bayeux(
        [
          {
            channel: '/meta/connect',
            clientId: hs.clientId,
            connectionType: 'long-polling',
            id,
            ...(advice ? { advice } : {}),
          },
        ],
        a.cookie,
      );
    await connect('2', { timeout: 0 });
    const t0 = Date.now();
    const held = (await connect('3'))[0];
    const took = Date.now() - t0;
    expect(held.successful).toBe(true);
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(1_500);
  });

  it('maxIntervalMs forgets a client that does not come back in time', async () => {
    const a = new SimAgent(s.baseUrl, 'agent1');
    await a.login();
    await s.control.config({ maxIntervalMs: 200 });
    const hs = (
      await bayeux(
        [
          {
            channel: '/meta/handshake',
            version: '1.0',
            supportedConnectionTypes: ['long-polling'],
          },
        ],
        a.cookie,
      )
    )[0];
    await waitFor(async () => (await s.control.state()).cometdClients === 0, {
      timeoutMs: 4_000,
      message: 'client expired',
    });
    const late = (
      await bayeux(
        [{ channel: '/meta/connect', clientId: hs.clientId, connectionType: 'long-polling' }],
        a.cookie,
      )
    )[0];
    expect(late.error).toBe('402::Unknown client');
  });

  it('remoteAnswerDelayMs sets when dialled numbers answer', async () => {
    const a = await ready('agent1');
    await s.control.config({ remoteAnswerDelayMs: 600 });
    // The answer timer starts when the server has the request, so never before t0.
    const t0 = Date.now();
    await a.dial('+15550303030');
    await a.nextCall({ state: 'Dialing' });
    await a.nextCall({ state: 'Established' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(590);
    expect(
      (await s.control.send('PUT', '/sim/config', { participantFormat: 'xml' })).statusCode,
    ).toBe(10);
    expect((await s.control.send('PUT', '/sim/config', { longPollTimeoutMs: -1 })).statusCode).toBe(
      10,
    );
  });
});
