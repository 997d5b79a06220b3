/**
 * GWS REST conventions of the simulator: authentication, session cookie, CSRF, CORS, the
 * statusCode envelope, collections/fields/subresources and bad input (gws-api.md §1–§3, §11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimAgent } from '../support/sim-agent.ts';
import { startSim, type StartedSim } from '../support/sim.ts';

let s: StartedSim;
const logLines: string[] = [];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

beforeAll(async () => {
  // The simulator's own wire tests check its generous members too (strict: sim-strict.test.ts).
  s = await startSim({ log: (l) => logLines.push(l), strict: false });
});
afterAll(async () => {
  await s.close();
});

async function loggedIn(user = 'agent1'): Promise<SimAgent> {
  const a = new SimAgent(s.baseUrl, user);
  const r = await a.login();
  expect(r.status).toBe(200);
  return a;
}

describe('authentication and session', () => {
  it('answers statusCode 20 with HTTP 401 and no session without credentials', async () => {
    const a = new SimAgent(s.baseUrl, 'agent1');
    const r = await a.get('/api/v2/me');
    expect(r.status).toBe(401);
    expect(r.body).toEqual({
      statusCode: 20,
      statusMessage: 'Access denied: user is not authenticated',
    });
    expect(r.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a bad password or an unknown user with statusCode 20', async () => {
    for (const [user, pw] of [
      ['agent1', 'wrong'],
      ['nobody', 'password'],
    ] as const) {
      const a = new SimAgent(s.baseUrl, user);
      const r = await a.login(pw);
      expect(r.status).toBe(401);
      expect(r.body.statusCode).toBe(20);
      expect(r.headers.get('set-cookie')).toBeNull();
    }
  });

  it('creates a JSESSIONID session with CSRF headers on Basic login', async () => {
    const a = new SimAgent(s.baseUrl, 'agent2');
    const r = await a.login();
    expect(r.body.statusCode).toBe(0);
    expect(r.headers.get('set-cookie')).toMatch(
      /^JSESSIONID=[^;]+; Path=\/api; HttpOnly; SameSite=Strict$/,
    );
    expect(r.headers.get('x-csrf-header')).toBe('X-CSRF-TOKEN');
    expect(r.headers.get('x-csrf-token')).toMatch(UUID);
    const user = r.body.user;
    expect(user.userName).toBe('agent2');
    expect(user.id).toMatch(/^[0-9a-f]{32}$/);
    expect(user.uri).toBe(`${s.baseUrl}/api/v2/users/${user.id}`);
    expect(user.path).toBe(`/users/${user.id}`);
    expect(user.roles).toEqual(['ROLE_AGENT']);
  });

  it('keeps the session on the cookie alone and repeats the same CSRF token on every GET', async () => {
    const a = await loggedIn();
    const r = await a.get('/api/v2/me/devices');
    expect(r.status).toBe(200);
    expect(r.headers.get('x-csrf-token')).toBe(a.csrfToken);
    expect(r.headers.get('set-cookie')).toBeNull();
  });

  it('gives distinct agents distinct names, DNs and ids', async () => {
    const users = await Promise.all(['agent1', 'agent2', 'agent3', 'supervisor1'].map(loggedIn));
    const dns = users.map((u) => u.dn);
    expect(new Set(dns).size).toBe(4);
    expect(dns.slice(0, 3)).toEqual(['7001', '7002', '7003']);
    expect(new Set(users.map((u) => `${u.user.firstName} ${u.user.lastName}`)).size).toBe(4);
    expect(users[3]?.user.roles).toContain('ROLE_SUPERVISOR');
  });
});

describe('CSRF', () => {
  const start = { operationName: 'StartContactCenterSession', channels: ['voice'] };

  it('refuses POSTs without the token, with a wrong token or without the cookie, changing nothing', async () => {
    const a = await loggedIn('agent3');
    const cases = [
      await a.post('/api/v2/me', start, { csrf: false }),
      await a.post('/api/v2/me', start, {
        csrf: false,
        headers: { 'X-CSRF-TOKEN': 'not-the-token' },
      }),
      await a.post('/api/v2/me', start, { cookie: false }),
      await a.request('POST', '/api/v2/me', {
        body: start,
        cookie: false,
        csrf: false,
        auth: a.basic(),
      }),
      await a.request('DELETE', '/api/v2/me', { csrf: false }),
      await a.request('PUT', '/api/v2/me', { csrf: false, body: {} }),
    ];
    for (const r of cases) {
      expect(r.status).toBe(403);
      expect(r.text).toBe('Missing or invalid Csrf token');
    }
    expect((await s.control.agent('agent3')).contactCenterSession).toBe(false);
  });

  it('accepts the same POST with cookie and token', async () => {
    const a = await loggedIn('agent3');
    const r = await a.post('/api/v2/me', start);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ statusCode: 0 });
    expect((await s.control.agent('agent3')).contactCenterSession).toBe(true);
  });

  it('lets Basic credentials do a POST when CSRF protection is off', async () => {
    await s.control.config({ csrf: false });
    try {
      const a = new SimAgent(s.baseUrl, 'agent2');
      const r = await a.request('POST', '/api/v2/me', {
        body: { operationName: 'StartContactCenterSession', channels: ['voice'] },
        auth: a.basic(),
      });
      expect(r.status).toBe(200);
      expect(r.headers.get('set-cookie')).toMatch(/^JSESSIONID=/);
      const noAuth = await new SimAgent(s.baseUrl, 'agent2').post('/api/v2/me', {
        operationName: 'Ready',
      });
      expect(noAuth.status).toBe(401);
      expect(noAuth.body.statusCode).toBe(20);
    } finally {
      await s.control.config({ csrf: true });
    }
  });
});

describe('CORS', () => {
  const preflight = (base: string, origin: string) =>
    fetch(`${base}/api/v2/me/calls/X`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-csrf-token',
      },
    });

  it('grants no origin CORS by default: not a page on another port, not an extension', async () => {
    const a = await loggedIn();
    for (const origin of [
      'http://127.0.0.1:1',
      'http://sibling.localhost',
      'chrome-extension://abcdefghijklmnop',
      'moz-extension://1234-5678',
    ]) {
      const pre = await preflight(s.baseUrl, origin);
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-headers')).toBeNull();
      const r = await a.request('GET', '/api/v2/me', { headers: { Origin: origin } });
      expect(r.status).toBe(200);
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
      expect(r.headers.get('access-control-allow-credentials')).toBeNull();
      expect(r.headers.get('access-control-expose-headers')).toBeNull();
      expect(r.headers.get('vary')).toBe('Origin');
    }
  });

  it('grants credentialed CORS to the configured origins only, exposing the CSRF headers', async () => {
    const crm = 'https://crm.example.com';
    const other = await startSim({ allowedOrigins: [crm] });
    try {
      const pre = await preflight(other.baseUrl, crm);
      expect(pre.headers.get('access-control-allow-origin')).toBe(crm);
      expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/X-CSRF-TOKEN/);
      expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
      const a = new SimAgent(other.baseUrl, 'agent1');
      await a.login();
      const r = await a.request('GET', '/api/v2/me', { headers: { Origin: crm } });
      expect(r.headers.get('access-control-allow-origin')).toBe(crm);
      expect(r.headers.get('access-control-expose-headers')).toMatch(/X-CSRF-HEADER, X-CSRF-TOKEN/);
      const foreign = await a.request('GET', '/api/v2/me', {
        headers: { Origin: 'https://crm.example.com.evil.test' },
      });
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await other.close();
    }
  });
});

describe('resources', () => {
  it('embeds every subresource with subresources=*, and only the listed ones otherwise', async () => {
    const a = await loggedIn();
    const all = (await a.get('/api/v2/me?subresources=*')).body.user;
    for (const k of ['devices', 'calls', 'channels', 'settings', 'features', 'skills'])
      expect(all).toHaveProperty(k);
    expect(all.settings['agent-states'].OutToLunch).toMatchObject({
      displayName: 'Out to Lunch',
      state: 'NotReady',
      workMode: 'AuxWork',
      reason: 'Lunch',
      reasonCode: '1',
    });
    expect(all.features.map((f: { id: string }) => f.id)).toContain('api-voice');
    const some = (await a.get('/api/v2/me?subresources=devices,settings')).body.user;
    expect(some).toHaveProperty('devices');
    expect(some).toHaveProperty('settings');
    expect(some).not.toHaveProperty('calls');
    const none = (await a.get('/api/v2/me')).body.user;
    expect(none).not.toHaveProperty('devices');
  });

  it('lists devices as uris without fields and as objects with fields=*', async () => {
    const a = await loggedIn();
    const uris = (await a.get('/api/v2/me/devices')).body;
    expect(uris).toEqual({ statusCode: 0, uris: [`${s.baseUrl}/api/v2/devices/${a.deviceId}`] });
    const objs = (await a.get('/api/v2/me/devices?fields=*')).body;
    expect(objs.devices).toHaveLength(1);
    expect(objs.devices[0].id).toMatch(UUID);
    expect(objs.devices[0]).toMatchObject({
      phoneNumber: '7001',
      telephonyNetwork: 'Private',
      path: `/devices/${a.deviceId}`,
    });
    const picked = (await a.get('/api/v2/me/devices?fields=phoneNumber')).body.devices[0];
    expect(Object.keys(picked).sort()).toEqual(['id', 'phoneNumber']);
    const one = (await a.get(`/api/v2/me/devices/${a.deviceId}`)).body;
    expect(one.device.id).toBe(a.deviceId);
    const missing = await a.get('/api/v2/me/devices/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.statusCode).toBe(6);
  });

  it('answers calls and channels collections in both shapes', async () => {
    const a = await loggedIn('agent1');
    expect((await a.get('/api/v2/me/calls')).body).toEqual({ statusCode: 0, uris: [] });
    expect((await a.get('/api/v2/me/calls?fields=*')).body).toEqual({ statusCode: 0, calls: [] });
    expect((await a.get('/api/v2/me/calls/NOPE')).body.statusCode).toBe(6);
    const b = await loggedIn('agent3');
    await b.startSession();
    const ch = (await b.get('/api/v2/me/channels?fields=*')).body.channels;
    expect(ch[0]).toMatchObject({
      channel: 'voice',
      phoneNumber: '7003',
      switchName: 'SIP_Switch',
    });
    expect((await b.get('/api/v2/me/channels')).body.uris).toEqual([
      `${s.baseUrl}/api/v2/me/channels/voice`,
    ]);
    expect((await b.get('/api/v2/me/channels/voice')).body.channel.channel).toBe('voice');
  });

  it('serves version (without a session), general settings and services', async () => {
    const anon = new SimAgent(s.baseUrl, 'agent1');
    expect((await anon.get('/api/v2/diagnostics/version')).body).toEqual({
      statusCode: 0,
      version: '8.5.200.50',
    });
    const a = await loggedIn();
    expect((await a.get('/api/v2/settings/general-settings')).body).toEqual({
      statusCode: 0,
      settings: { countryCode: 'US', countryDigits: '1', countryName: 'United States' },
    });
    const services = (await a.get('/api/v2/services?fields=*')).body.services;
    expect(services[0]).toMatchObject({ name: 'Voice', state: 'Available' });
    expect((await a.get('/api/v2/services')).body.uris[0]).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/v2\/services\//,
    );
  });

  it('varies key order between two renderings of the same resource', async () => {
    const a = await loggedIn();
    const orders = new Set<string>();
    for (let i = 0; i < 4; i++)
      orders.add(
        Object.keys((await a.get(`/api/v2/me/devices/${a.deviceId}`)).body.device).join(','),
      );
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('bad input never crashes the server', () => {
  it('answers the GWS error for each kind of bad request', async () => {
    const a = await loggedIn('agent1');
    const cases: Array<
      [
        Promise<{ status: number; body: { statusCode: number; statusMessage?: string } }>,
        number,
        RegExp?,
      ]
    > = [
      [a.post('/api/v2/me', undefined, { rawBody: '{"operationName": ' }), 1, /Invalid JSON/],
      [a.post('/api/v2/me', undefined, { rawBody: '[1,2]' }), 1, /JSON object/],
      [a.post('/api/v2/me', {}), 1, /operationName/],
      [a.post('/api/v2/me', { operationName: 42 }), 1, /operationName/],
      [a.post('/api/v2/me', { operationName: 'Teleport' }), 1, /Teleport/],
      [a.post('/api/v2/me/calls/NOSUCHCALL', { operationName: 'Hold' }), 6, /not found/],
      [a.post('/api/v2/me/calls/X', { operationName: 'Fly' }), 1, /Fly/],
      [
        a.post(`/api/v2/me/devices/${a.deviceId}/calls`, {
          operationName: 'Dial',
          destination: { phoneNumber: '5000' },
        }),
        2,
        /StartContactCenterSession/,
      ],
      [
        a.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: 'voice' }),
        1,
        /channels/,
      ],
      [a.get('/api/v2/nothing/here'), 6],
      [a.request('PUT', '/api/v2/me', { body: {} }), 3],
    ];
    for (const [p, code, msg] of cases) {
      const r = await p;
      expect(r.body.statusCode, JSON.stringify(r.body)).toBe(code);
      expect(r.status).toBeGreaterThanOrEqual(400);
      if (msg) expect(r.body.statusMessage).toMatch(msg);
    }
    expect((await a.get('/api/v2/me')).status).toBe(200);
  });

  it('answers an internal error with statusCode 4 and logs it, then recovers', async () => {
    const a = await loggedIn();
    await s.control.internalError(true, '/api/v2/me/devices');
    const r = await a.get('/api/v2/me/devices');
    expect(r.status).toBe(500);
    expect(r.body.statusCode).toBe(4);
    expect(logLines.some((l) => l.includes('Simulated internal error'))).toBe(true);
    await s.control.internalError(false);
    expect((await a.get('/api/v2/me/devices')).status).toBe(200);
  });

  it('can answer envelope errors with HTTP 200 for clients that expect that', async () => {
    const a = await loggedIn();
    await s.control.config({ errorHttpStatus: 'always200' });
    try {
      const r = await a.post('/api/v2/me/calls/NOSUCHCALL', { operationName: 'Hold' });
      expect(r.status).toBe(200);
      expect(r.body.statusCode).toBe(6);
    } finally {
      await s.control.config({ errorHttpStatus: 'mapped' });
    }
  });

  it('logs every REST request with agent, operation and result', async () => {
    const a = await loggedIn('agent2');
    await s.control.clearRequests();
    await a.post('/api/v2/me', { operationName: 'Bogus' });
    const log = await s.control.requests('agent2');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      agent: 'agent2',
      method: 'POST',
      path: '/api/v2/me',
      operationName: 'Bogus',
      httpStatus: 400,
      statusCode: 1,
      body: { operationName: 'Bogus' },
    });
  });
});
