/**
 * Bad input at the edges of the simulator's HTTP server: every request gets a GWS-shaped answer
 * (statusCode 1 with the HTTP status a servlet container gives), nothing resets a connection
 * that is still sending, nothing waits forever, and nothing answers 500.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readyAgent, SimAgent, type Wire } from '../support/sim-agent.ts';
import { startSim, type StartedSim } from '../support/sim.ts';

const BODY_TIMEOUT_MS = 400;
let s: StartedSim;
const open: SimAgent[] = [];

beforeAll(async () => {
  s = await startSim({ bodyTimeoutMs: BODY_TIMEOUT_MS });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((a) => a.disconnect()));
  await s.control.reset();
});
afterAll(async () => {
  await s.close();
});

interface RawAnswer {
  status: number;
  body: Wire;
  connection?: string;
  ms: number;
}

/**
 * One request over node:http: `body` is written in 64 kB chunks, or `partial` bytes of a
 * declared longer body are sent and the request is left open.
 */
function raw(
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string; partial?: string } = {},
): Promise<RawAnswer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${s.baseUrl}${path}`,
      { method, headers: { 'Content-Type': 'application/json', ...opts.headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text ? (JSON.parse(text) as Wire) : undefined,
            connection: res.headers.connection,
            ms: Date.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    if (opts.partial !== undefined) {
      req.setHeader('Content-Length', String(opts.partial.length + 100));
      req.write(opts.partial);
      return;
    }
    const body = opts.body ?? '';
    for (let i = 0; i < body.length; i += 65_536) req.write(body.slice(i, i + 65_536));
    req.end();
  });
}

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

const TWO_MB = JSON.stringify({ operationName: 'Ready', pad: 'x'.repeat(2 * 1024 * 1024) });

describe('size limits', () => {
  it('answers a body over 1 MB with 413 and the GWS envelope on REST, CometD and /sim', async () => {
    const a = new SimAgent(s.baseUrl, 'agent1');
    await a.login();
    const auth = { Cookie: a.cookie ?? '', 'X-CSRF-TOKEN': a.csrfToken ?? '' };
    for (const [path, headers] of [
      ['/api/v2/me', auth],
      ['/api/v2/notifications', auth],
      ['/sim/calls', {}],
    ] as const) {
      const r = await raw('POST', path, { headers, body: TWO_MB });
      expect(r.status, path).toBe(413);
      expect(r.body.statusCode, path).toBe(1);
      expect(r.body.statusMessage, path).toMatch(/too large/);
    }
    expect(await s.control.requests('agent1')).toContainEqual(
      expect.objectContaining({ path: '/api/v2/me', httpStatus: 413, statusCode: 1 }),
    );
  });

  it('answers headers over the limit with 431 instead of resetting the connection', async () => {
    const r = await raw('GET', '/api/v2/me', { headers: { 'X-Padding': 'y'.repeat(120_000) } });
    expect(r.status).toBe(431);
    expect(r.body).toEqual({ statusCode: 1, statusMessage: 'The request headers are too large' });
    expect(r.connection).toBe('close');
  });
});

describe('time limits', () => {
  it('answers a half-sent body with 408 after the body timeout, everywhere', async () => {
    for (const path of ['/api/v2/me', '/api/v2/notifications', '/sim/calls']) {
      const r = await raw('POST', path, { partial: '{"operationName":' });
      expect(r.status, path).toBe(408);
      expect(r.body.statusCode, path).toBe(1);
      expect(r.connection, path).toBe('close');
      expect(r.ms, path).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS - 50);
    }
  });

  it('answers headers that never finish with 408', async () => {
    const { port, hostname } = new URL(s.baseUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () =>
        socket.write('GET /api/v2/me HTTP/1.1\r\nHost: x\r\nX-Slow: '),
      );
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (c: string) => (text += c));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"statusCode":1');
  });
});

describe('malformed data', () => {
  it('refuses JSON nested deeper than 1000 levels before it reaches a client', async () => {
    const a = await readyAgent(s.baseUrl, 'agent1');
    open.push(a);
    const deep = `{"agent":"agent1","channel":"/v2/me/calls","data":${nested(5_000)}}`;
    const refused = await raw('POST', '/sim/publish', { body: deep });
    expect(refused.status).toBe(400);
    expect(refused.body.statusMessage).toMatch(/deeper than 1000/);
    const rest = await a.request('POST', `/api/v2/me/calls/x`, {
      rawBody: `{"operationName":"AttachUserData","userData":{"k":${nested(5_000)}}}`,
    });
    expect(rest.body).toMatchObject({ statusCode: 1 });
    // The limit: 1000 levels in all are accepted and delivered.
    const ok = await raw('POST', '/sim/publish', {
      body: `{"agent":"agent1","channel":"/v2/me/calls","data":${nested(999)}}`,
    });
    expect(ok.body.statusCode).toBe(0);
    const got = await a.nextMessage((m) => Array.isArray(m.data));
    expect(JSON.stringify(got.data)).toBe(nested(999));
  });

  it('answers a non-string CometD subscription with a Bayeux error, not 500', async () => {
    const a = new SimAgent(s.baseUrl, 'agent1');
    await a.login();
    const post = (messages: unknown) =>
      raw('POST', '/api/v2/notifications', {
        headers: { Cookie: a.cookie ?? '' },
        body: JSON.stringify(messages),
      });
    const r = await post([
      { channel: '/meta/subscribe', clientId: 'c', subscription: 42, id: '7' },
    ]);
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      {
        channel: '/meta/subscribe',
        id: '7',
        successful: false,
        error: '403::subscription_invalid',
      },
    ]);
  });

  it('never answers 500 to any Bayeux message shape', async () => {
    const a = new SimAgent(s.baseUrl, 'agent1');
    await a.login();
    const anyValue = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.oneof(fc.string(), fc.integer())),
      fc.dictionary(fc.string(), fc.string()),
    );
    const message = fc.record(
      {
        channel: fc.oneof(
          fc.constantFrom(
            '/meta/handshake',
            '/meta/connect',
            '/meta/subscribe',
            '/meta/unsubscribe',
            '/meta/disconnect',
            '/v2/me/calls',
          ),
          anyValue,
        ),
        clientId: anyValue,
        subscription: anyValue,
        advice: anyValue,
        ext: anyValue,
        id: anyValue,
        connectionType: anyValue,
        supportedConnectionTypes: anyValue,
        version: anyValue,
      },
      { requiredKeys: ['channel'] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(message, fc.array(message, { maxLength: 3 }), anyValue),
        async (m) => {
          const r = await raw('POST', '/api/v2/notifications', {
            headers: { Cookie: a.cookie ?? '' },
            body: JSON.stringify(m),
          });
          expect(r.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });
});
