// The demo CRM: a separate origin on 127.0.0.1 that the extension's phone overlay and
// screen-pop target. Node built-ins only; pages are static files plus a little JSON.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { baseUrlOf, closeServer, listen } from '../http-kit/listen.ts';
import { jsonReply, redirect, textReply, writeReply, type Reply } from '../http-kit/reply.ts';
import { Router, type Params } from '../http-kit/router.ts';
import { safeSegments } from '../http-kit/static-files.ts';
import {
  activityPage,
  contactJson,
  contactsDataScript,
  contactsList,
  groundTruthJson,
  lookup,
  unknownApiPath,
} from './api.ts';
import { contactById } from './data/contacts.ts';
import { readPage, readPublicFile } from './pages.ts';

export interface CrmOptions {
  port?: number;
  host?: string;
}

export interface RunningCrm {
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

/** What the CRM's pages may do, on top of http-kit's headers. */
const CRM_HEADERS = { 'Referrer-Policy': 'same-origin', 'X-Frame-Options': 'SAMEORIGIN' };
const ACTIVITY_TABS = new Set(['calls', 'tickets']);

type Handler = (params: Params, query: URLSearchParams) => Reply | Promise<Reply>;

async function page(name: string, status = 200): Promise<Reply> {
  const file = await readPage(name);
  return { status, type: file.type, body: file.body };
}

const notFound = (): Promise<Reply> => page('not-found', 404);

async function staticFile(dir: string, name: string | undefined): Promise<Reply> {
  const file = await readPublicFile([dir, name ?? '']);
  return file ? { status: 200, type: file.type, body: file.body } : notFound();
}

const router = new Router<Handler>()
  .add('GET', '/', () => redirect('/crm/dashboard'))
  .add('GET', '/crm', () => redirect('/crm/dashboard'))
  .add('GET', '/crm/dashboard', () => page('dashboard'))
  .add('GET', '/crm/contacts', (_p, q) => page(q.has('phone') ? 'contact' : 'contacts'))
  .add('GET', '/crm/contacts/:id', (p) => (contactById(p.id ?? '') ? page('contact') : notFound()))
  .add('GET', '/crm/activity', () => page('activity'))
  .add('GET', '/crm/activity/:tab', (p) =>
    ACTIVITY_TABS.has(p.tab ?? '') ? page('activity') : notFound(),
  )
  .add('GET', '/crm/reports/phone-list', () => page('phone-list'))
  .add('GET', '/crm/data/contacts.js', contactsDataScript)
  .add('GET', '/crm/ground-truth.json', groundTruthJson)
  .add('GET', '/crm/api/contacts', contactsList)
  .add('GET', '/crm/api/contacts/:id', contactJson)
  .add('GET', '/crm/api/lookup', lookup)
  .add('GET', '/crm/api/activity', activityPage)
  .add('GET', '/crm/assets/:name', (p) => staticFile('assets', p.name))
  .add('GET', '/crm/widgets/:name', (p) => staticFile('widgets', p.name));

/** `segments`: the request path, decoded once (http-kit's safeSegments). */
async function route(segments: string[], query: URLSearchParams): Promise<Reply> {
  // A single trailing slash is tolerated (/crm/contacts/ is /crm/contacts).
  if (segments.length > 1 && segments[segments.length - 1] === '') segments = segments.slice(0, -1);
  const match = router.match('GET', '/' + segments.join('/'));
  if (match && 'handler' in match) return match.handler(match.params, query);
  return segments[0] === 'crm' && segments[1] === 'api' ? unknownApiPath() : notFound();
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const headOnly = method === 'HEAD';
  const send = (reply: Reply, head = headOnly) =>
    writeReply(res, { ...reply, headers: { ...CRM_HEADERS, ...reply.headers } }, head);
  if (method !== 'GET' && !headOnly) {
    send({ ...jsonReply(405, { error: 'Method not allowed' }), headers: { Allow: 'GET, HEAD' } });
    return;
  }
  const raw = req.url ?? '/';
  const queryAt = raw.indexOf('?');
  const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const segments = safeSegments(rawPath);
  if (segments === null) {
    send(textReply(400, 'Bad request path\n'));
    return;
  }
  const query = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
  send(await route(segments, query));
}

/** Starts the demo CRM on `host:port` (port 0 picks a free one). */
export async function startCrm({
  port = 0,
  host = '127.0.0.1',
}: CrmOptions = {}): Promise<RunningCrm> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) writeReply(res, textReply(500, 'Internal error\n'));
      else res.destroy(error instanceof Error ? error : undefined);
    });
  });
  const bound = await listen(server, port, host);
  return { baseUrl: baseUrlOf(host, bound), port: bound, close: () => closeServer(server) };
}
