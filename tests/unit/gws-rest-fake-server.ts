import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GwsRestClient } from '../../lib/gws/rest.ts';
import { createCookieFetch } from '../support/cookie-fetch.ts';

// A tiny scripted GWS on 127.0.0.1:0: real HTTP, real cookies, its own session + CSRF rules
// (gws-api.md §2.2, §2.3). Each test can replace the answer for any request.

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}
interface Reply {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: unknown;
}
type Override = (req: Received) => Reply | 'hang' | undefined | Promise<Reply | 'hang' | undefined>;

export interface FakeGws {
  baseUrl: string;
  requests: Received[];
  /** Invalidate every session (like GWS expiry). */
  expireSessions(): void;
  override: Override | undefined;
  close(): Promise<void>;
}

const servers = new Set<Server>();

function stop(server: Server): Promise<void> {
  servers.delete(server);
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Closes every fake server a test started (call in afterEach). */
export async function stopFakeServers(): Promise<void> {
  await Promise.all([...servers].map(stop));
}

export async function startFakeGws(options: { csrf?: boolean } = {}): Promise<FakeGws> {
  const csrfOn = options.csrf ?? true;
  const sessions = new Map<string, string>(); // JSESSIONID → CSRF token
  let counter = 0;
  const fake: FakeGws = {
    baseUrl: '',
    requests: [],
    override: undefined,
    expireSessions: () => sessions.clear(),
    close: () => stop(server),
  };

  const defaultReply = (req: Received): Reply => {
    const sessionId = /JSESSIONID=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const auth = req.headers.authorization;
    if (req.method === 'GET' && auth) {
      if (auth !== `Basic ${Buffer.from('agent1:pässword').toString('base64')}`) {
        return { status: 401, body: { statusCode: 20, statusMessage: 'Access denied' } };
      }
      const id = `s${++counter}`;
      const token = `token-${counter}`;
      sessions.set(id, token);
      return {
        headers: {
          'Set-Cookie': `JSESSIONID=${id}; Path=/api; HttpOnly`,
          ...(csrfOn ? { 'X-CSRF-HEADER': 'X-CSRF-TOKEN', 'X-CSRF-TOKEN': token } : {}),
        },
        body: { statusCode: 0, user: { id: 'u1', userName: 'agent1' } },
      };
    }
    const token = sessionId === undefined ? undefined : sessions.get(sessionId);
    if (token === undefined) {
      if (req.method === 'POST' && csrfOn) {
        return { status: 403, body: 'Missing or invalid Csrf token' };
      }
      return { status: 401, body: { statusCode: 20, statusMessage: 'Access denied' } };
    }
    if (req.method === 'POST' && csrfOn && req.headers['x-csrf-token'] !== token) {
      return { status: 403, body: 'Missing or invalid Csrf token' };
    }
    if (req.url.startsWith('/api/v2/me/calls?')) return { body: { statusCode: 0, calls: [] } };
    return { body: { statusCode: 0 } };
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      void (async () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const req: Received = {
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: text ? (JSON.parse(text) as unknown) : undefined,
        };
        fake.requests.push(req);
        const reply = (await fake.override?.(req)) ?? defaultReply(req);
        if (reply === 'hang') return;
        const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
        response.writeHead(reply.status ?? 200, {
          'Content-Type': typeof reply.body === 'string' ? 'text/plain' : 'application/json',
          ...reply.headers,
        });
        response.end(body);
      })();
    });
  });
  servers.add(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

export async function loggedInClient(fake: FakeGws, extra: { timeoutMs?: number } = {}) {
  const client = new GwsRestClient({
    serverUrl: fake.baseUrl,
    fetch: createCookieFetch(),
    ...extra,
  });
  await client.login('agent1', 'pässword');
  fake.requests.length = 0;
  return client;
}
