/**
 * The CometD side (gws-api.md §5): the Bayeux exchange on the wire, the tie to the HTTP session,
 * per-agent delivery, subscriptions, both participant formats, raw publishing and the rule that
 * an operation's notifications follow its HTTP answer.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SimAgent, type Wire } from '../support/sim-agent.ts';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';

let s: StartedSim;
const open: SimAgent[] = [];

beforeAll(async () => {
  // This file starts in the legacy participant format (selectable per run).
  // The simulator's own wire tests check its generous members too (strict: sim-strict.test.ts).
  s = await startSim({ participantFormat: 'legacy', strict: false });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((a) => a.disconnect()));
  await s.control.reset();
});
afterAll(async () => {
  await s.close();
});

async function ready(user: string, subscriptions?: string[]): Promise<SimAgent> {
  const a = new SimAgent(s.baseUrl, user);
  await a.login();
  await a.connect(subscriptions);
  open.push(a);
  await a.startSession();
  return a;
}

async function bayeux(
  messages: unknown,
  cookie?: string,
): Promise<{ status: number; body: Wire; headers: Headers }> {
  const res = await fetch(`${s.baseUrl}/api/v2/notifications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(messages),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

const handshake = {
  channel: '/meta/handshake',
  version: '1.0',
  supportedConnectionTypes: ['long-polling'],
  id: '1',
};

describe('Bayeux on the wire', () => {
  it('refuses a handshake without a live HTTP session, with no reconnect advice', async () => {
    const r = await bayeux([handshake]);
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      expect.objectContaining({
        channel: '/meta/handshake',
        successful: false,
        error: '403::handshake_denied',
        advice: { reconnect: 'none' },
      }),
    ]);
    const stale = await bayeux([handshake], 'JSESSIONID=0123456789ABCDEF0123456789ABCDEF');
    expect(stale.body[0].successful).toBe(false);
  });

  it('accepts a handshake that carries the session cookie: long-polling only, advice from the config', async () => {
    const a = new SimAgent(s.baseUrl, 'agent1');
    await a.login();
    const r = await bayeux([handshake], a.cookie);
    const reply = r.body[0];
    expect(reply).toMatchObject({
      channel: '/meta/handshake',
      successful: true,
      version: '1.0',
      supportedConnectionTypes: ['long-polling'],
    });
    expect(reply.clientId).toEqual(expect.any(String));
    expect(reply.advice).toMatchObject({ reconnect: 'retry', interval: 0, timeout: 2000 });
    expect(r.headers.get('set-cookie')).toBeNull();
    const sub = await bayeux(
      [
        {
          channel: '/meta/subscribe',
          clientId: reply.clientId,
          subscription: '/v2/me/calls',
          id: '2',
        },
      ],
      a.cookie,
    );
    expect(sub.body[0]).toMatchObject({ successful: true, subscription: '/v2/me/calls' });
    const pub = await bayeux(
      [
        {
          channel: '/v2/me/calls',
          clientId: reply.clientId,
          data: { messageType: 'Spoof' },
          id: '3',
        },
      ],
      a.cookie,
    );
    expect(pub.body[0]).toMatchObject({ successful: false, error: '403::publish_denied' });
    const bye = await bayeux(
      [{ channel: '/meta/disconnect', clientId: reply.clientId, id: '4' }],
      a.cookie,
    );
    expect(bye.body[0].successful).toBe(true);
  });

  it('answers a /meta/connect of an unknown client with 402 and handshake advice', async () => {
    const a = new SimAgent(s.baseUrl, 'agent2');
    await a.login();
    const r = await bayeux(
      [{ channel: '/meta/connect', clientId: 'nobody', connectionType: 'long-polling', id: '9' }],
      a.cookie,
    );
    expect(r.body[0]).toMatchObject({
      channel: '/meta/connect',
      successful: false,
      error: '402::Unknown client',
      advice: { reconnect: 'handshake' },
    });
  });

  it('ignores non-POST requests and malformed bodies without failing', async () => {
    expect((await fetch(`${s.baseUrl}/api/v2/notifications`)).status).toBe(400);
    const bad = await fetch(`${s.baseUrl}/api/v2/notifications`, { method: 'POST', body: '{{{' });
    expect(bad.status).toBe(400);
    expect((await bayeux([handshake])).status).toBe(200);
  });
});

describe('delivery', () => {
  it('delivers each agent only its own events', async () => {
    const a = await ready('agent1');
    const b = await ready('agent2');
    await a.nextDevice();
    await b.nextDevice();
    await a.dial('+15550101010');
    await a.nextCall({ state: 'Established' });
    await a.op('/api/v2/me/channels/voice', 'Ready');
    await a.nextDevice();
    // A fence: agent2's own event comes after agent1's, so a leak would already be there.
    await b.op('/api/v2/me/channels/voice', 'Ready');
    const own = (await b.nextDevice()).devices[0];
    expect(own.phoneNumber).toBe('7002');
    const leaked = b.received.filter(
      (m) => JSON.stringify(m.data).includes(a.deviceId) || m.data.phoneNumber === '7001',
    );
    expect(leaked).toEqual([]);
    expect(b.received.every((m) => m.data.messageType !== 'CallStateChangeMessage')).toBe(true);
    expect((await s.control.state()).cometdClients).toBe(2);
  });

  it('delivers only the subscribed topics', async () => {
    const a = await ready('agent3', ['/v2/me/calls']);
    await a.op('/api/v2/me/channels/voice', 'Ready');
    await s.control.call({ to: 'agent3' });
    const first = await a.nextMessage(() => true);
    expect(first.channel).toBe('/v2/me/calls');
    expect(a.received.every((m) => m.channel === '/v2/me/calls')).toBe(true);
  });

  it('follows the gws-api.md §5.4 envelope: messageType, notificationType, call, phoneNumber', async () => {
    const a = await ready('agent1');
    await s.control.call({ to: 'agent1', from: '+61 2 9374 4000', userData: { Lang: 'en' } });
    const m = await a.nextMessage((r) => r.channel === '/v2/me/calls');
    expect(Object.keys(m.data).sort()).toEqual([
      'call',
      'extensions',
      'messageType',
      'notificationType',
      'phoneNumber',
    ]);
    expect(m.data.extensions).toEqual({ BusinessCall: 0 });
    expect(m.data.call.state).toBe('Ringing');
  });

  it("emits an operation's notifications only after its HTTP answer", async () => {
    const a = await ready('agent1');
    await a.nextDevice();
    await s.control.delay(300, '/api/v2/me/channels');
    try {
      const started = Date.now();
      const r = await a.op('/api/v2/me/channels/voice', 'Ready');
      const answered = Date.now();
      expect(answered - started).toBeGreaterThanOrEqual(290);
      expect(r.body.statusCode).toBe(0);
      const ev = await a.nextMessage((m) => m.data.messageType === 'DeviceStateChangeMessage');
      expect(ev.at).toBeGreaterThanOrEqual(started + 290);
    } finally {
      await s.control.delay(0);
    }
  });
});

describe('participant formats', () => {
  it('legacy: participants are strings with participantsInfo; objects after /sim/config', async () => {
    expect((await s.control.state()).config.participantFormat).toBe('legacy');
    const a = await ready('agent1');
    await s.control.call({ to: 'agent1', from: '+442071838750' });
    const legacy = (await a.nextCall({ state: 'Ringing' })).call;
    expect(legacy.participants).toEqual(['+442071838750']);
    expect(legacy.participantsInfo).toEqual([
      expect.objectContaining({
        digits: '+442071838750',
        e164Number: '+442071838750',
        formattedPhoneNumber: '+44 20 7183 8750',
        country: { name: 'United Kingdom', code: 'GB', callingCode: '44' },
      }),
    ]);
    await s.control.config({ participantFormat: 'objects' });
    await a.callOp(legacy.id, 'Answer');
    const objects = (await a.nextCall({ state: 'Established' })).call;
    expect(objects).not.toHaveProperty('participantsInfo');
    expect(objects.participants[0]).toMatchObject({
      phoneNumber: '+442071838750',
      e164Number: '+442071838750',
    });
  });
});

describe('raw publishing', () => {
  it("publishes arbitrary data on one agent's topic", async () => {
    const a = await ready('agent1');
    const b = await ready('agent2');
    await s.control.publish('agent1', '/v2/me/calls', {
      messageType: 'NotAThing',
      nested: [1, { x: null }],
    });
    const m = await a.nextMessage((r) => r.data?.messageType === 'NotAThing');
    expect(m.data).toEqual({ messageType: 'NotAThing', nested: [1, { x: null }] });
    await b.op('/api/v2/me/channels/voice', 'Ready');
    await b.nextMessage(
      (r) =>
        r.data.messageType === 'DeviceStateChangeMessage' &&
        r.data.devices[0].userState.state === 'Ready',
    );
    expect(b.received.some((r) => r.data?.messageType === 'NotAThing')).toBe(false);
    expect(
      (
        await s.control.send('POST', '/sim/publish', {
          agent: 'ghost',
          channel: '/v2/me/calls',
          data: 1,
        })
      ).statusCode,
    ).toBe(6);
    expect(
      (await s.control.send('POST', '/sim/publish', { agent: 'agent1', channel: '/v2/me/calls' }))
        .statusCode,
    ).toBe(1);
  });

  it('replaces one /meta/connect answer with a raw frame; the client recovers', async () => {
    const a = await ready('agent1');
    await a.nextDevice();
    await s.control.rawFrame('agent1', '[{"channel":"/meta/connect", "successful": tru');
    await waitFor(
      () => a.meta.some((m) => m.channel === '/meta/connect' && m.successful === false),
      { message: 'failed connect' },
    );
    await a.op('/api/v2/me/channels/voice', 'Ready');
    const dev = await a.nextMessage(
      (r) =>
        r.data.messageType === 'DeviceStateChangeMessage' &&
        r.data.devices[0].userState.state === 'Ready',
      8_000,
    );
    expect(dev.channel).toBe('/v2/me/devices');
  });
});
